package io.focussync.allocator.settings;

import io.focussync.allocator.allocation.AllocationSettings;
import java.util.Optional;

/** Stores each user's allocation settings. */
public interface SettingsRepository {

  Optional<AllocationSettings> find(String userId);

  void save(String userId, AllocationSettings settings);
}
