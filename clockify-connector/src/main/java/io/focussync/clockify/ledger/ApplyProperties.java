package io.focussync.clockify.ledger;

import java.time.Duration;
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
 * @param createAttempts POSTs of one entry per apply, each after a lookup found nothing
 * @param retryDelay first delay before a failed day is tried again (doubles up to maxRetryDelay)
 */
@ConfigurationProperties("focussync.clockify.apply")
public record ApplyProperties(
    int workers,
    Duration coalesceDelay,
    Duration coalesceMaxWait,
    Duration firstPlanDelay,
    int createAttempts,
    Duration retryDelay,
    Duration maxRetryDelay) {

  public ApplyProperties {
    workers = workers <= 0 ? 8 : workers;
    coalesceDelay = coalesceDelay == null ? Duration.ofMillis(500) : coalesceDelay;
    coalesceMaxWait = coalesceMaxWait == null ? Duration.ofSeconds(2) : coalesceMaxWait;
    firstPlanDelay = firstPlanDelay == null ? Duration.ZERO : firstPlanDelay;
    createAttempts = createAttempts <= 0 ? 3 : createAttempts;
    retryDelay = retryDelay == null ? Duration.ofSeconds(5) : retryDelay;
    maxRetryDelay = maxRetryDelay == null ? Duration.ofMinutes(10) : maxRetryDelay;
  }

  /** The delay before the n-th retry of a failed day. */
  public Duration retryDelay(int failures) {
    long millis = retryDelay.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
    return Duration.ofMillis(Math.min(millis, maxRetryDelay.toMillis()));
  }
}
