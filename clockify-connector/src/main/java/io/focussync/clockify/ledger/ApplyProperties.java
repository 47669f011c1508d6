package io.focussync.clockify.ledger;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How plans are applied.
 *
 * @param workers threads shared by all workspaces; each workspace uses at most one at a time
 * @param coalesceDelay how long a day must have been quiet (no newer plan accepted) before its plan
 *     is applied, so a burst of revisions becomes one set of Clockify writes
 * @param coalesceMaxWait the longest a day waits for quiet after its first waiting plan
 * @param firstPlanDelay the quiet period of a day's first plan (revision 1) instead: new work is
 *     not held back for bursts that come from edits
 * @param retryDelay first delay before a failed day is tried again (doubles up to maxRetryDelay)
 * @param consistencyWindow how long after a POST that may have reached Clockify its entry is looked
 *     up (Clockify's listings lag behind its writes); only then is it sent again
 * @param lease how long an apply holds its day without renewing; renewed when less than half is
 *     left before a Clockify write, so it must exceed twice the longest call with its retries. A
 *     replica that dies holds its days this long
 * @param stopTimeout how long a graceful stop waits for calls already sent to Clockify
 * @param recheck how often the days this replica owns that wait (pending and held by nobody, or
 *     waiting for a usable connection) are looked at again: another replica may have saved a new
 *     key or made days pending, and its events reach only itself
 * @param replicaId this replica's name as the holder of days: one per running process, the same
 *     after a restart of that replica
 */
@ConfigurationProperties("focussync.clockify.apply")
public record ApplyProperties(
    int workers,
    Duration coalesceDelay,
    Duration coalesceMaxWait,
    Duration firstPlanDelay,
    Duration retryDelay,
    Duration maxRetryDelay,
    Duration consistencyWindow,
    Duration lease,
    Duration stopTimeout,
    Duration recheck,
    String replicaId) {

  public ApplyProperties {
    if (workers <= 0) {
      throw new IllegalArgumentException(
          "focussync.clockify.apply.workers must be set and positive");
    }
    required(coalesceDelay, "coalesce-delay");
    required(coalesceMaxWait, "coalesce-max-wait");
    required(firstPlanDelay, "first-plan-delay");
    required(retryDelay, "retry-delay");
    required(maxRetryDelay, "max-retry-delay");
    required(consistencyWindow, "consistency-window");
    required(lease, "lease");
    required(stopTimeout, "stop-timeout");
    required(recheck, "recheck");
    replicaId = orRandomReplicaId(replicaId);
  }

  /** The delay before the n-th retry of a failed day. */
  public Duration retryDelay(int failures) {
    long millis = retryDelay.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
    return Duration.ofMillis(Math.min(millis, maxRetryDelay.toMillis()));
  }

  private static void required(Duration value, String key) {
    Objects.requireNonNull(value, "focussync.clockify.apply." + key + " is required");
  }

  /** A replica without a configured name gets a random one: unique, but new after a restart. */
  private static String orRandomReplicaId(String replicaId) {
    return replicaId == null || replicaId.isBlank() ? UUID.randomUUID().toString() : replicaId;
  }
}
