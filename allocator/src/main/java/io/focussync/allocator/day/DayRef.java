package io.focussync.allocator.day;

import java.time.LocalDate;

/** Names one user's local day. */
public record DayRef(String userId, LocalDate date) {}
