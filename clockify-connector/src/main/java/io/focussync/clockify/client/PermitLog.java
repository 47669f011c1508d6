package io.focussync.clockify.client;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A workspace's Clockify request limit, kept as Clockify counts it: at most {@code limit} requests
 * reach Clockify within any {@code period}, even a request that arrives up to {@link
 * #sendAllowance} after its permit. Permits are handed out from a log of the last {@code limit}
 * grants: the next one comes once the oldest of them is a whole span (period plus allowance) old.
 * So a burst of up to the limit goes at once (an apply that reads the workspace's lock, lists its
 * day and writes needs three), and the sustained rate is the limit per span (10/s: 9.1/s).
 */
public final class PermitLog {

  private final long spanNanos;
  private final long[] grants;
  private final LongSupplier clock;
  private int oldest;
  private int granted;

  /**
   * @param limit requests per period, at least 1
   * @param period the period Clockify counts in
   * @param clock the time in nanoseconds ({@code System::nanoTime})
   */
  public PermitLog(int limit, Duration period, LongSupplier clock) {
    if (limit < 1) {
      throw new IllegalArgumentException(
          "a Clockify rate limit must allow at least 1 request per period, got " + limit);
    }
    this.spanNanos = period.plus(sendAllowance(period)).toNanos();
    this.grants = new long[limit];
    this.clock = clock;
  }

  /** How late after its permit a send may reach Clockify: a tenth of the period, at most 250 ms. */
  public static Duration sendAllowance(Duration period) {
    Duration tenth = period.dividedBy(10);
    return tenth.compareTo(Duration.ofMillis(250)) < 0 ? tenth : Duration.ofMillis(250);
  }

  /**
   * Takes the next permit if it comes within {@code maxWait}.
   *
   * @return how long to wait before sending (zero: now), or a negative value when the permit would
   *     come later than {@code maxWait}; then nothing is taken
   */
  public synchronized Duration reserve(Duration maxWait) {
    long now = clock.getAsLong();
    long at = granted < grants.length ? now : Math.max(now, grants[oldest] + spanNanos);
    long wait = at - now;
    if (wait > maxWait.toNanos()) {
      return Duration.ofNanos(-1);
    }
    grants[oldest] = at;
    oldest = (oldest + 1) % grants.length;
    granted = Math.min(granted + 1, grants.length);
    return Duration.ofNanos(wait);
  }

  /** How long until a permit can be had without waiting (zero when one can now). */
  public synchronized Duration untilFree() {
    if (granted < grants.length) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.max(0, grants[oldest] + spanNanos - clock.getAsLong()));
  }

  /** How many permits can be had now without waiting. */
  public synchronized int available() {
    long now = clock.getAsLong();
    int free = grants.length - granted;
    int first = (oldest - granted + grants.length) % grants.length;
    for (int i = 0; i < granted; i++) {
      if (grants[(first + i) % grants.length] + spanNanos <= now) {
        free++;
      }
    }
    return free;
  }
}
