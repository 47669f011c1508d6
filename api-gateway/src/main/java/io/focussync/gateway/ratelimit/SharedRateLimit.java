package io.focussync.gateway.ratelimit;

import io.focussync.gateway.ratelimit.core.Gcra;
import io.focussync.gateway.ratelimit.core.RateLimit;
import io.focussync.gateway.ratelimit.core.TokenBucket;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate limit every gateway replica shares: each key's GCRA arrival time is kept in the store
 * and changed by compare-and-set, so N replicas together admit what one would. When the store
 * cannot answer, this replica's own limiter decides (the API stays up).
 */
public final class SharedRateLimit implements RateLimit {

  private static final Logger log = LoggerFactory.getLogger(SharedRateLimit.class);
  private static final int ATTEMPTS = 8;

  private final ArrivalTimes times;
  private final Gcra gcra;
  private final RateLimit fallback;
  private final Clock clock;
  private volatile boolean degraded;

  public SharedRateLimit(ArrivalTimes times, Gcra gcra, RateLimit fallback, Clock clock) {
    this.times = times;
    this.gcra = gcra;
    this.fallback = fallback;
    this.clock = clock;
  }

  @Override
  public TokenBucket.Decision tryAcquire(String key) {
    try {
      TokenBucket.Decision decision = shared(key);
      if (degraded) {
        degraded = false;
        log.info("the shared rate limit is back");
      }
      return decision;
    } catch (ArrivalTimes.UnavailableException e) {
      if (!degraded) {
        degraded = true;
        log.warn("the shared rate limit is unavailable, limiting per replica: {}", e.getMessage());
      }
      return fallback.tryAcquire(key);
    }
  }

  private TokenBucket.Decision shared(String key) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Long stored = times.find(key);
      long now = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
      Gcra.Step step = gcra.step(stored, now);
      if (!step.decision().allowed()) {
        return step.decision();
      }
      Instant forgetAt =
          Instant.EPOCH.plus(step.nextMicros() + gcra.forgetAfterMicros(), ChronoUnit.MICROS);
      boolean written =
          stored == null
              ? times.insert(key, step.nextMicros(), forgetAt)
              : times.replace(key, stored, step.nextMicros(), forgetAt);
      if (written) {
        return step.decision();
      }
    }
    // Lost every race: so many requests of this key at once that refusing this one is right.
    return new TokenBucket.Decision(false, 0, 1_000_000_000L);
  }
}
