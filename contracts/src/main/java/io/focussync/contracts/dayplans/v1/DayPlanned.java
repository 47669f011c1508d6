package io.focussync.contracts.dayplans.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.focussync.contracts.FocusSyncEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The desired Clockify state of one user-day: exactly these entries of ours, nothing else. The
 * revision grows strictly per user-day; an empty entry list means "none of our entries".
 *
 * @param mode {@code NORMALIZED} or {@code ACTUAL}
 * @param busy the time the user's own Clockify entries take, as the plan was made around it (in the
 *     connector's last observation; empty: none known). Not written when empty, so the JSON of a
 *     plan without it is as before
 */
public record DayPlanned(
    String userId,
    LocalDate date,
    String timeZone,
    long revision,
    String mode,
    List<PlannedEntry> entries,
    Instant plannedAt,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BusyInterval> busy)
    implements FocusSyncEvent {

  public DayPlanned {
    entries = entries == null ? List.of() : List.copyOf(entries);
    busy = busy == null ? List.of() : List.copyOf(busy);
  }

  /** A plan made around no busy time. */
  public DayPlanned(
      String userId,
      LocalDate date,
      String timeZone,
      long revision,
      String mode,
      List<PlannedEntry> entries,
      Instant plannedAt) {
    this(userId, date, timeZone, revision, mode, entries, plannedAt, List.of());
  }

  @Override
  public String subject() {
    return userId + "/" + date;
  }
}
