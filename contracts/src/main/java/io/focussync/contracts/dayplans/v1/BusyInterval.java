package io.focussync.contracts.dayplans.v1;

import java.time.Instant;

/**
 * Time of a day taken by the user's own Clockify entries (those Focus Sync did not write): plans
 * are made around it.
 */
public record BusyInterval(Instant start, Instant end) {}
