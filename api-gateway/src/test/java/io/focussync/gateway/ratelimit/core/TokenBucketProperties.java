package io.focussync.gateway.ratelimit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class TokenBucketProperties {

  private static final long SECOND = 1_000_000_000L;

  @Property
  void neverAdmitsMoreThanBurstPlusRefill(
      @ForAll @IntRange(min = 1, max = 200) int burst,
      @ForAll @IntRange(min = 1, max = 100) int rate,
      @ForAll @Size(max = 400) List<@LongRange(min = 0, max = 50_000_000L) Long> gaps) {
    long start = 1_000 * SECOND;
    TokenBucket bucket = new TokenBucket(burst, rate, start);
    long now = start;
    int admitted = 0;
    for (long gap : gaps) {
      now += gap;
      if (bucket.tryAcquire(now).allowed()) {
        admitted++;
      }
    }
    double elapsedSeconds = (now - start) / (double) SECOND;
    assertThat(admitted).isLessThanOrEqualTo((int) Math.floor(burst + rate * elapsedSeconds));
  }

  @Property
  void aFullBucketAdmitsExactlyItsBurstAtOnce(
      @ForAll @IntRange(min = 1, max = 500) int burst,
      @ForAll @IntRange(min = 1, max = 100) int rate) {
    TokenBucket bucket = new TokenBucket(burst, rate, 0);
    for (int i = 0; i < burst; i++) {
      assertThat(bucket.tryAcquire(0).allowed()).isTrue();
    }
    TokenBucket.Decision refused = bucket.tryAcquire(0);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isPositive();
    // after the announced wait a request is admitted again
    assertThat(bucket.tryAcquire(refused.retryAfterNanos()).allowed()).isTrue();
  }

  @Property
  void limiterKeepsKeysApartAndForgetsIdleOnes(@ForAll @IntRange(min = 1, max = 20) int burst) {
    long[] clock = {0};
    RateLimiter limiter = new RateLimiter(burst, 10, 4, () -> clock[0]);
    for (int i = 0; i < burst; i++) {
      limiter.tryAcquire("a");
    }
    assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    assertThat(limiter.tryAcquire("b").allowed()).isTrue();
    limiter.tryAcquire("c");
    limiter.tryAcquire("d");
    clock[0] += 100 * SECOND;
    limiter.tryAcquire("e");
    assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(2);
  }
}
