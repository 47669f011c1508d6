package io.focussync.allocator.allocation;

import java.util.Collection;
import java.util.Map;

/**
 * Where the features that plan read a user's allocation settings; the settings feature provides it,
 * so that it can react to settings changes without the features depending on it.
 */
public interface SettingsLookup {

  /** The user's settings, the defaults until the user saves some. */
  AllocationSettings get(String userId);

  /** The settings of each of these users, the defaults for those without stored ones. */
  Map<String, AllocationSettings> getAll(Collection<String> userIds);
}
