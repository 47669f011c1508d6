package io.focussync.gateway.ratelimit.core;

/** Decides whether one more request of a key fits its rate limit. */
public interface RateLimit {

  /** Counts one request of the key. */
  TokenBucket.Decision tryAcquire(String key);
}
