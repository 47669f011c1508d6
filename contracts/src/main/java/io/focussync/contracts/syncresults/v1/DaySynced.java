package io.focussync.contracts.syncresults.v1;

import io.focussync.contracts.FocusSyncEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Clockify holds exactly the entries of this revision of the user-day's plan. */
public record DaySynced(
    String userId,
    LocalDate date,
    long revision,
    boolean dryRun,
    List<SyncedEntry> entries,
    int created,
    int updated,
    int deleted,
    Instant syncedAt)
    implements FocusSyncEvent {

  public DaySynced {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }

  @Override
  public String subject() {
    return userId + "/" + date;
  }
}
