package io.focussync.allocator.allocation;

import java.time.Instant;

/**
 * Time of a day that the user's own Clockify entries take (entries Focus Sync did not write), as
 * the clockify-connector observed it: plans are made around it.
 */
public record BusySpan(Instant start, Instant end) {}
