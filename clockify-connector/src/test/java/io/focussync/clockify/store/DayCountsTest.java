package io.focussync.clockify.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import io.focussync.clockify.IntegrationTestBase;
import io.focussync.clockify.ledger.DayCountProperties;
import io.focussync.clockify.ledger.DayKey;
import io.focussync.clockify.ledger.DayRecord;
import io.focussync.clockify.ledger.DayStatus;
import io.focussync.clockify.ledger.DayStatusGauges;
import io.focussync.clockify.ledger.DayStore;
import io.focussync.clockify.ledger.ReceivedPlan;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Days counted by status in the store, and the gauges that report the counts. */
class DayCountsTest extends IntegrationTestBase {

  @Autowired MongoClient client;

  @Test
  void daysAreCountedByTheirStatusAndTheGaugesReportTheCounts() {
    // A database of its own, so that the counts are exactly this test's days.
    MongoDayStore days =
        new MongoDayStore(new MongoTemplate(client, unique("counts")), Clock.systemUTC());
    for (int i = 0; i < 3; i++) {
      days.offer(
          List.of(ReceivedPlan.of(plan(unique("user"), 1, entry("a", "pa", "09:00", "17:00")))));
    }
    String settled = unique("user");
    days.offer(List.of(ReceivedPlan.of(plan(settled, 1, entry("a", "pa", "09:00", "17:00")))));
    DayRecord held =
        days.claim(days.find(settled, DAY).orElseThrow(), "replica", Instant.now().plusSeconds(60))
            .orElseThrow();
    days.settle(
        new DayKey(settled, DAY),
        held.fence(),
        new DayStore.Settlement(1, true, DayStatus.SYNCED, null, 0, 0, null));

    assertThat(days.countByStatus()).isEqualTo(Map.of(DayStatus.PENDING, 3L, DayStatus.SYNCED, 1L));

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    DayStatusGauges gauges =
        new DayStatusGauges(days, meters, new DayCountProperties(Duration.ofMillis(50)));
    try {
      await()
          .untilAsserted(
              () -> {
                assertThat(gauge(meters, DayStatus.PENDING)).isEqualTo(3.0);
                assertThat(gauge(meters, DayStatus.SYNCED)).isEqualTo(1.0);
              });
      assertThat(gauge(meters, DayStatus.FAILED)).isZero();
    } finally {
      gauges.destroy();
    }
  }

  private static double gauge(SimpleMeterRegistry meters, DayStatus status) {
    return meters.get("focussync.days").tag("status", status.name()).gauge().value();
  }
}
