package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.contracts.EventCodec;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** What a plan looks like on the wire, for the consumers of focussync.day-plans.v1. */
class PlanWireFormatIntegrationTest extends AllocatorIntegrationTest {

  @Test
  void aPlanIsKeyedByUserWithCloudEventsHeadersAndAJsonContentType() {
    send(session("a", 1, "A", "2026-11-20T09:00:00Z", Duration.ofHours(1)));
    DayPlanned plan = awaitPlan(LocalDate.of(2026, 11, 20), p -> true);

    List<ConsumerRecord<String, byte[]>> records =
        await().until(() -> plans.records(user), r -> !r.isEmpty());
    ConsumerRecord<String, byte[]> record = records.get(0);
    Map<String, String> headers = new TreeMap<>();
    for (Header h : record.headers()) {
      headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
    }

    assertThat(record.key()).isEqualTo(user);
    assertThat(EventCodec.fromJson(DayPlanned.class, record.value())).isEqualTo(plan);
    assertThat(headers.keySet())
        .containsExactly(
            "ce_id",
            "ce_source",
            "ce_specversion",
            "ce_subject",
            "ce_time",
            "ce_type",
            "contentType",
            "spring_json_header_types",
            // the W3C trace context of the send (platform tracing)
            "traceparent");
    assertThat(headers.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    assertThat(headers)
        .containsEntry("ce_source", "/focussync/allocator")
        .containsEntry("ce_specversion", "1.0")
        .containsEntry("ce_subject", user + "/2026-11-20")
        .containsEntry("ce_type", "io.focussync.day.planned.v1")
        .containsEntry("contentType", "application/json");
  }
}
