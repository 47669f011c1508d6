package io.focussync.allocator.settings;

import io.focussync.allocator.allocation.AllocationSettings;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Stores each user's allocation settings. */
public interface SettingsRepository {

  Optional<AllocationSettings> find(String userId);

  /** The stored settings of these users (users without stored settings are absent). */
  Map<String, AllocationSettings> findAll(Collection<String> userIds);

  void save(String userId, AllocationSettings settings);
}
