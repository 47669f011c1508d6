package io.focussync.gateway.ratelimit.core;

/**
 * A token bucket: holds up to {@code capacity} permits, refilled at {@code ratePerSecond}; each
 * request takes one. Time is passed in (nanoseconds) so the bucket is deterministic to test.
 */
public final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private final double capacity;
  private final double ratePerNano;
  private double available;
  private long lastNanos;

  public TokenBucket(int capacity, double ratePerSecond, long nowNanos) {
    if (capacity < 1 || !(ratePerSecond > 0)) {
      throw new IllegalArgumentException("capacity must be >= 1 and the rate > 0");
    }
    this.capacity = capacity;
    this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
    this.available = capacity;
    this.lastNanos = nowNanos;
  }

  /** Takes one permit if there is one; otherwise says how long until there will be. */
  public synchronized Decision tryAcquire(long nowNanos) {
    refill(nowNanos);
    if (available >= 1) {
      available -= 1;
      return new Decision(true, (int) Math.floor(available), 0);
    }
    long waitNanos = (long) Math.ceil((1 - available) / ratePerNano);
    return new Decision(false, 0, waitNanos);
  }

  /** Whether the bucket is full again, i.e. its key has been idle long enough to forget it. */
  public synchronized boolean isFull(long nowNanos) {
    refill(nowNanos);
    return available >= capacity;
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - lastNanos;
    if (elapsed > 0) {
      available = Math.min(capacity, available + elapsed * ratePerNano);
      lastNanos = nowNanos;
    }
  }

  /**
   * The answer to one request.
   *
   * @param remaining permits left after this request
   * @param retryAfterNanos for a refused request, the time until a permit is available
   */
  public record Decision(boolean allowed, int remaining, long retryAfterNanos) {

    /** The wait in whole seconds, rounded up, at least one: the value of Retry-After. */
    public long retryAfterSeconds() {
      return Math.max(1, (retryAfterNanos + 999_999_999L) / 1_000_000_000L);
    }
  }
}
