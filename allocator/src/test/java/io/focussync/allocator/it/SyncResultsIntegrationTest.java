package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.contracts.EventTypes;
import io.focussync.contracts.Topics;
import io.focussync.contracts.syncresults.v1.DaySyncFailed;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.contracts.syncresults.v1.SyncedEntry;
import io.focussync.testsupport.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SyncResultsIntegrationTest extends AllocatorIntegrationTest {

  static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

  private JsonNode day() {
    return get("/api/v1/days/2026-11-20");
  }

  @Test
  void syncResultsSetTheDayStatusAndItsSyncSection() {
    send(session("a", 1, "A", "2026-11-20T09:00:00Z", Duration.ofHours(1)));
    awaitPlan(FRIDAY, p -> p.revision() == 1);

    send(
        new DaySynced(
            user,
            FRIDAY,
            1,
            true,
            List.of(new SyncedEntry("other", "dry-1", null, List.of("rest:a"))),
            1,
            0,
            0,
            Instant.now()));
    await().untilAsserted(() -> assertThat(day().get("status").asString()).isEqualTo("SYNCED"));
    JsonNode sync = day().get("sync");
    assertThat(sync.get("appliedRevision").asLong()).isEqualTo(1);
    assertThat(sync.get("dryRun").asBoolean()).isTrue();
    assertThat(sync.get("entries").get(0).get("clockifyEntryId").asString()).isEqualTo("dry-1");

    send(
        new DaySyncFailed(
            user,
            FRIDAY,
            1,
            "NEEDS_ATTENTION",
            "entry is locked",
            List.of("other"),
            Instant.now()));
    await()
        .untilAsserted(
            () -> assertThat(day().get("status").asString()).isEqualTo("NEEDS_ATTENTION"));
    assertThat(day().get("sync").get("lastError").asString()).isEqualTo("entry is locked");
    assertThat(day().get("sync").get("entries").get(0).get("state").asString())
        .isEqualTo("NEEDS_ATTENTION");

    // An older revision's result never overrides a newer one.
    send(new DaySynced(user, FRIDAY, 0, false, List.of(), 0, 0, 0, Instant.now()));
    send(session("b", 1, "B", "2026-11-20T11:00:00Z", Duration.ofHours(1)));
    awaitPlan(FRIDAY, p -> p.revision() == 2);
    await().untilAsserted(() -> assertThat(day().get("status").asString()).isEqualTo("PENDING"));
    assertThat(day().get("sync").get("lastError").asString()).isEqualTo("entry is locked");
  }

  @Test
  void poisonMessagesGoToTheDeadLetterTopicWithTheReasonAndThePipelineGoesOn() {
    send(
        Topics.SESSIONS,
        user,
        "{not json".getBytes(StandardCharsets.UTF_8),
        TestEvents.headers(EventTypes.SESSION_RECORDED));
    send(session("bad", 1, "A", "2026-11-20T10:00:00Z", Duration.ofHours(-1)));
    send(session("good", 1, "A", "2026-11-20T10:00:00Z", Duration.ofHours(1)));

    awaitPlan(FRIDAY, p -> p.revision() == 1);
    PlanCollector dlq = PlanCollector.of(Topics.SESSIONS + ".allocator.dlq");
    List<ConsumerRecord<String, byte[]>> dead =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> dlq.records(user), records -> records.size() == 2);
    assertThat(dead)
        .allSatisfy(
            r ->
                assertThat(r.headers().lastHeader("x-exception-message"))
                    .as("reason header")
                    .isNotNull());
    assertThat(new String(dead.get(1).headers().lastHeader("x-exception-message").value()))
        .contains("end is before start");
  }
}
