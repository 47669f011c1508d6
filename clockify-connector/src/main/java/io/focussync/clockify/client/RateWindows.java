package io.focussync.clockify.client;

import java.time.Duration;

/**
 * How a workspace's request limit is handed out: {@code burst} permits at the start of every {@code
 * window}, spaced so that no period ever sees more than the limit arrive at Clockify.
 *
 * <p>Permits come in fixed windows, and a request may reach Clockify up to {@link #sendAllowance}
 * after its permit. The last sends of one window and the first of a later one can then arrive
 * within one period, so a period may touch {@code 1 + ceil((period + allowance) / window)} windows.
 * Allowing {@code limit / burst} of them gives {@code window = (period + allowance) / (limit /
 * burst − 1)}. Pairs (from a limit of 6) let an apply list its day and write at once (the
 * workspace's lock is read only every few minutes), and leave more of the limit usable than threes
 * would: at 10/s, 2 every 275 ms where threes give 3 every 550 ms.
 *
 * @param burst permits per window
 * @param window how often the permits are renewed
 */
public record RateWindows(int burst, Duration window) {

  /** How late after its permit a send may reach Clockify: a tenth of the period, at most 250 ms. */
  public static Duration sendAllowance(Duration period) {
    Duration tenth = period.dividedBy(10);
    return tenth.compareTo(Duration.ofMillis(250)) < 0 ? tenth : Duration.ofMillis(250);
  }

  /** The windows for {@code limit} requests per {@code period}; the limit must be at least 2. */
  public static RateWindows of(int limit, Duration period) {
    if (limit < 2) {
      throw new IllegalArgumentException(
          "a Clockify rate limit must allow at least 2 requests per period, got " + limit);
    }
    int burst = limit >= 6 ? 2 : 1;
    int windowsPerPeriod = limit / burst;
    Duration window = period.plus(sendAllowance(period)).dividedBy(windowsPerPeriod - 1);
    return new RateWindows(burst, window);
  }
}
