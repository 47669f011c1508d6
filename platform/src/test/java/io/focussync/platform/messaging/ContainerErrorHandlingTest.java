package io.focussync.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

/** The backoff of failures that are no verdict: doubling, capped, and never giving up. */
class ContainerErrorHandlingTest {

  @Test
  void waitsDoubleUpToTheMaximumAndNeverStop() {
    BackOffExecution execution =
        ContainerErrorHandling.backOff(Duration.ofMillis(200), Duration.ofSeconds(10)).start();
    List<Long> first = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      first.add(execution.nextBackOff());
    }
    long total = first.stream().mapToLong(Long::longValue).sum();
    // a week of waits at the maximum: far beyond any former time limit
    for (int i = 0; i < 7 * 24 * 360; i++) {
      long wait = execution.nextBackOff();
      assertThat(wait).isEqualTo(10_000L);
      total += wait;
    }

    assertThat(first).containsExactly(200L, 400L, 800L, 1_600L, 3_200L, 6_400L, 10_000L, 10_000L);
    assertThat(total).isGreaterThan(Duration.ofDays(7).toMillis());
  }

  @Test
  void aMaximumWaitThatCouldOutlastThePollIntervalIsRefused() {
    assertThatThrownBy(
            () -> ContainerErrorHandling.backOff(Duration.ofMillis(200), Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max.poll.interval.ms");
    assertThatThrownBy(
            () -> ContainerErrorHandling.backOff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
