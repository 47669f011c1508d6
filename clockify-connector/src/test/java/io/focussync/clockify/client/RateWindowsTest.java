package io.focussync.clockify.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.focussync.clockify.simulator.ClockifySimulator;
import io.focussync.clockify.simulator.SimRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No period sees more than the limit arrive, even when sends reach Clockify late. */
class RateWindowsTest {

  @ParameterizedTest
  @ValueSource(strings = {"PT1S", "PT1H"})
  void anyPeriodHoldsAtMostTheLimitWhenOneWindowsSendsArriveLateAndTheNextOnesAtOnce(
      String periodText) {
    Duration period = Duration.parse(periodText);
    for (int limit = 2; limit <= 60; limit++) {
      RateWindows windows = RateWindows.of(limit, period);
      List<SimRequest> arrivals = worstCaseArrivals(windows, period);

      assertThat(ClockifySimulator.maxInWindow(arrivals, period.toNanos()))
          .as("limit %d per %s", limit, period)
          .isLessThanOrEqualTo(limit);
    }
  }

  @Test
  void theSustainedRateIsNeverAboveTheLimitNorFarBelowHalfOfIt() {
    Duration second = Duration.ofSeconds(1);
    for (int limit = 2; limit <= 60; limit++) {
      RateWindows windows = RateWindows.of(limit, second);
      double perSecond = windows.burst() * 1e9 / windows.window().toNanos();
      assertThat(perSecond).as("limit %d", limit).isBetween(limit / 2.0 * 0.9, (double) limit);
    }
  }

  @Test
  void aLimitOfOneCannotBeKeptByWindowsAndIsRefused() {
    assertThatThrownBy(() -> RateWindows.of(1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2");
  }

  /**
   * The first window's permits used at its very end and sent late; every later window's at once.
   */
  private static List<SimRequest> worstCaseArrivals(RateWindows windows, Duration period) {
    long window = windows.window().toNanos();
    long late = window - 1 + RateWindows.sendAllowance(period).toNanos();
    List<SimRequest> arrivals = new ArrayList<>();
    for (int k = 0; k * window <= 3 * period.toNanos(); k++) {
      long at = k == 0 ? late : k * window;
      for (int i = 0; i < windows.burst(); i++) {
        arrivals.add(new SimRequest(at, "POST", "/", null, null, null, "201"));
      }
    }
    return arrivals;
  }
}
