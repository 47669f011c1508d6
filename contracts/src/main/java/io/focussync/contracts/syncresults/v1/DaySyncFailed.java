package io.focussync.contracts.syncresults.v1;

import io.focussync.contracts.FocusSyncEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Applying a revision of a user-day's plan did not converge.
 *
 * @param status {@code FAILED} (will be retried by a later plan or resync) or {@code
 *     NEEDS_ATTENTION} (a person must act, e.g. a locked entry)
 * @param failedSlots the slots that could not be written
 */
public record DaySyncFailed(
    String userId,
    LocalDate date,
    long revision,
    String status,
    String reason,
    List<String> failedSlots,
    Instant failedAt)
    implements FocusSyncEvent {

  public DaySyncFailed {
    failedSlots = failedSlots == null ? List.of() : List.copyOf(failedSlots);
  }

  @Override
  public String subject() {
    return userId + "/" + date;
  }
}
