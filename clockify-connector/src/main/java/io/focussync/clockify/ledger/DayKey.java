package io.focussync.clockify.ledger;

import java.time.LocalDate;

/** A user-day: the unit plans are accepted, coalesced and applied in. */
public record DayKey(String userId, LocalDate date) {}
