package io.focussync.contracts.dayplans.v1;

import io.focussync.contracts.FocusSyncEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The desired Clockify state of one user-day: exactly these entries of ours, nothing else. The
 * revision grows strictly per user-day; an empty entry list means "none of our entries".
 *
 * @param mode {@code NORMALIZED} or {@code ACTUAL}
 */
public record DayPlanned(
    String userId,
    LocalDate date,
    String timeZone,
    long revision,
    String mode,
    List<PlannedEntry> entries,
    Instant plannedAt)
    implements FocusSyncEvent {

  public DayPlanned {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }

  @Override
  public String subject() {
    return userId + "/" + date;
  }
}
