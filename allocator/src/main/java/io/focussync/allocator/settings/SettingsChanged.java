package io.focussync.allocator.settings;

import io.focussync.allocator.allocation.AllocationSettings;

/** A user saved new allocation settings: open days must be re-planned. */
public record SettingsChanged(
    String userId, AllocationSettings previous, AllocationSettings current) {}
