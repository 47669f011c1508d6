package io.focussync.clockify.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.focussync.clockify.simulator.ClockifySimulator;
import io.focussync.clockify.simulator.SimRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No period sees more than the limit arrive at Clockify, and bursts up to the limit go at once. */
class PermitLogTest {

  private static final Duration NO_LIMIT = Duration.ofDays(1);
  private static final Duration SECOND = Duration.ofSeconds(1);

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @ParameterizedTest
  @ValueSource(strings = {"PT1S", "PT1H"})
  void anyPeriodHoldsAtMostTheLimitHoweverLateEachSendArrivesWithinTheAllowance(String text) {
    Duration period = Duration.parse(text);
    long allowance = PermitLog.sendAllowance(period).toNanos();
    Random random = new Random(7);
    for (int limit = 1; limit <= 60; limit++) {
      for (int pattern = 0; pattern < 4; pattern++) {
        PermitLog permits = new PermitLog(limit, period, now::get);
        List<SimRequest> arrivals = new ArrayList<>();
        for (int i = 0; i < limit * 4; i++) {
          long wait = permits.reserve(NO_LIMIT).toNanos();
          now.addAndGet(wait);
          long late =
              switch (pattern) {
                case 0 -> i < limit ? allowance : 0; // the first burst late, the rest on time
                case 1 -> i % 2 == 0 ? allowance : 0;
                case 2 -> 0;
                default -> (long) (random.nextDouble() * allowance);
              };
          arrivals.add(new SimRequest(now.get() + late, "POST", "/", null, null, null, "201"));
        }

        assertThat(ClockifySimulator.maxInWindow(arrivals, period.toNanos()))
            .as("limit %d per %s, pattern %d", limit, period, pattern)
            .isLessThanOrEqualTo(limit);
      }
    }
  }

  @Test
  void aBurstUpToTheLimitGoesAtOnceAndTheNextWaitsUntilTheOldestIsASpanOld() {
    PermitLog permits = new PermitLog(10, SECOND, now::get);

    for (int i = 0; i < 10; i++) {
      assertThat(permits.reserve(NO_LIMIT)).as("permit %d", i).isZero();
      now.addAndGet(Duration.ofMillis(10).toNanos());
    }

    assertThat(permits.available()).isZero();
    // the first permit was taken 100 ms ago; a span is the period plus a tenth of it
    assertThat(permits.untilFree()).isEqualTo(Duration.ofMillis(1000));
    assertThat(permits.reserve(NO_LIMIT)).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void aPermitLaterThanTheLongestWaitIsNotTakenAndStaysForTheNextCaller() {
    PermitLog permits = new PermitLog(2, SECOND, now::get);
    permits.reserve(NO_LIMIT);
    permits.reserve(NO_LIMIT);

    assertThat(permits.reserve(Duration.ofMillis(500))).isNegative();
    now.addAndGet(Duration.ofMillis(700).toNanos());

    assertThat(permits.reserve(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(400));
    assertThat(permits.reserve(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(400));
    assertThat(permits.reserve(Duration.ofMillis(500))).isNegative();
  }

  @Test
  void permitsFreeUpAsTheirGrantsAgeAndTheSustainedRateIsTheLimitPerSpan() {
    PermitLog permits = new PermitLog(10, SECOND, now::get);
    long start = now.get();
    List<Long> grantedAt = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      now.addAndGet(permits.reserve(NO_LIMIT).toNanos());
      grantedAt.add(now.get() - start);
    }

    // ten at once, then ten more every span of 1.1 s
    long span = Duration.ofMillis(1100).toNanos();
    assertThat(grantedAt.stream().filter(at -> at < 11 * span)).hasSize(110);
    assertThat(grantedAt.get(199)).isEqualTo(19 * span);

    now.addAndGet(span);
    assertThat(permits.available()).isEqualTo(10);
    assertThat(permits.untilFree()).isZero();
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> new PermitLog(0, SECOND, now::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
