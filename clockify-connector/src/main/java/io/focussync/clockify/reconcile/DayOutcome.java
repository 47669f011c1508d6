package io.focussync.clockify.reconcile;

import io.focussync.contracts.dayplans.v1.BusyInterval;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** How one run of a day's plan ended, and what it did to Clockify. */
public sealed interface DayOutcome {

  /** The Clockify writes the run made. */
  Counts counts();

  /** Entries created, updated and deleted by a run. */
  record Counts(int created, int updated, int deleted) {}

  /** Clockify holds the plan: the entry id of each planned slot. */
  record Synced(Map<String, String> entryIds, Counts counts) implements DayOutcome {}

  /** Applied as far as it can be; these slots need a person (reason per slot). */
  record NeedsAttention(Map<String, String> reasons, Counts counts) implements DayOutcome {}

  /**
   * Not finished: try again after the delay.
   *
   * @param failure whether this was a failure (counts towards back-off and is reported) or only a
   *     wait (Clockify's consistency window after an ambiguous create)
   */
  record RetryLater(
      Duration delay, String reason, boolean failure, List<String> unfinished, Counts counts)
      implements DayOutcome {}

  /** The key was refused: the connection needs a new one before anything is tried again. */
  record CredentialsRefused(String reason, Counts counts) implements DayOutcome {}

  /** The day lies wholly in Clockify's locked period: nothing was written, nothing will be. */
  record Closed(String reason, Counts counts) implements DayOutcome {}

  /**
   * The user's own entries take other time than the plan was made around: nothing was written; the
   * day waits for a plan made around {@code busy}.
   */
  record BusyChanged(List<BusyInterval> busy, Counts counts) implements DayOutcome {}
}
