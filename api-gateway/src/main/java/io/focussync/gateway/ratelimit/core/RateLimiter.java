package io.focussync.gateway.ratelimit.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a token, or a client address for unauthenticated routes). Buckets of
 * keys that went idle are forgotten when the map grows, so memory stays bounded.
 */
public final class RateLimiter implements RateLimit {

  private final int burst;
  private final double ratePerSecond;
  private final int maxKeys;
  private final LongSupplier nanoTime;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(int burst, double ratePerSecond, int maxKeys, LongSupplier nanoTime) {
    this.burst = burst;
    this.ratePerSecond = ratePerSecond;
    this.maxKeys = maxKeys;
    this.nanoTime = nanoTime;
  }

  @Override
  public TokenBucket.Decision tryAcquire(String key) {
    long now = nanoTime.getAsLong();
    if (buckets.size() >= maxKeys) {
      buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
    return buckets
        .computeIfAbsent(key, k -> new TokenBucket(burst, ratePerSecond, now))
        .tryAcquire(now);
  }

  /** How many keys are being tracked. */
  public int trackedKeys() {
    return buckets.size();
  }
}
