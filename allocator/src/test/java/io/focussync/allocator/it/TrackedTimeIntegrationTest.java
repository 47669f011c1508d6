package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.focussync.allocator.day.Contribution;
import io.focussync.allocator.day.UserDay;
import io.focussync.allocator.session.SessionRepository;
import io.focussync.allocator.session.StoredSession;
import io.focussync.contracts.Topics;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.dayplans.v1.PlannedEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A session's tracked time from the event to the plan, the read model, the day view and the store;
 * documents written before the field existed read as sessions without it.
 */
class TrackedTimeIntegrationTest extends AllocatorIntegrationTest {

  static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);
  static final LocalDate THURSDAY = LocalDate.of(2026, 11, 19);

  @Autowired MongoClient mongo;
  @Autowired SessionRepository sessionRepository;

  @Test
  void theWorkDayIsSplitByTrackedTimeAndTheFieldIsShownAndStored() {
    putSettings(
        """
        {"projectMapping": {"A": "pA", "B": "pB"}}
        """);
    // A spans 3 h with 1 h tracked, B 1 h with all of it tracked: 4 h each, not 6 h and 2 h.
    send(
        trackedSession(
            "a", 1, "A", "2026-11-20T08:00:00Z", Duration.ofHours(3), Duration.ofHours(1)));
    send(
        trackedSession(
            "b", 1, "B", "2026-11-20T12:00:00Z", Duration.ofHours(1), Duration.ofHours(1)));
    send(session("c", 1, "A", "2026-11-19T10:00:00Z", Duration.ofHours(1)));

    DayPlanned plan = awaitPlan(FRIDAY, p -> p.entries().size() == 2);

    assertThat(plan.entries())
        .containsExactly(
            new PlannedEntry(
                "project:pA",
                "pA",
                Instant.parse("2026-11-20T09:00:00Z"),
                Instant.parse("2026-11-20T13:00:00Z"),
                "Development",
                List.of("rest:a")),
            new PlannedEntry(
                "project:pB",
                "pB",
                Instant.parse("2026-11-20T13:00:00Z"),
                Instant.parse("2026-11-20T17:00:00Z"),
                "Development",
                List.of("rest:b")));
    JsonNode buckets = get("/api/v1/days/2026-11-20").get("buckets");
    assertThat(buckets).hasSize(2);
    assertThat(buckets.get(0).get("trackedSeconds").asLong()).isEqualTo(3600);
    assertThat(buckets.get(0).get("keys").get(0).get("trackedSeconds").asLong()).isEqualTo(3600);
    assertThat(buckets.get(1).get("trackedSeconds").asLong()).isEqualTo(3600);

    awaitProcessed();
    JsonNode sessions = get("/api/v1/sessions?from=2026-11-19&to=2026-11-20").get("sessions");
    assertThat(trackedSecondsOf(sessions, "rest:a").asLong()).isEqualTo(3600);
    assertThat(trackedSecondsOf(sessions, "rest:b").asLong()).isEqualTo(3600);
    assertThat(trackedSecondsOf(sessions, "rest:c")).isNull();

    UserDay friday = dayRepository.find(user, FRIDAY).orElseThrow();
    assertThat(friday.sessions().get("rest:a").trackedSeconds()).isEqualTo(3600L);
    assertThat(dayRepository.find(user, THURSDAY).orElseThrow().sessions().get("rest:c"))
        .extracting(Contribution::trackedSeconds)
        .isNull();
    assertThat(storedDay(FRIDAY).getList("sessions", Document.class))
        .extracting(d -> d.get("tr"))
        .containsExactly(3600L, 3600L);
    assertThat(storedDay(THURSDAY).getList("sessions", Document.class).get(0))
        .doesNotContainKey("tr");
    assertThat(sessionRepository.findLive(user))
        .filteredOn(s -> s.sessionId().equals("rest:a"))
        .extracting(StoredSession::trackedSeconds)
        .containsExactly(3600L);
  }

  @Test
  void aChangeOfOnlyTheTrackedTimeReplansTheDay() {
    putSettings(
        """
        {"projectMapping": {"A": "pA", "B": "pB"}}
        """);
    send(session("a", 1, "A", "2026-11-20T08:00:00Z", Duration.ofHours(3)));
    send(session("b", 1, "B", "2026-11-20T12:00:00Z", Duration.ofHours(1)));
    DayPlanned bySpan = awaitPlan(FRIDAY, p -> p.entries().size() == 2);

    send(
        trackedSession(
            "a", 2, "A", "2026-11-20T08:00:00Z", Duration.ofHours(3), Duration.ofHours(1)));

    DayPlanned byTracked = awaitPlan(FRIDAY, p -> p.revision() > bySpan.revision());
    assertThat(bySpan.entries().get(0).end()).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
    assertThat(byTracked.entries().get(0).end()).isEqualTo(Instant.parse("2026-11-20T13:00:00Z"));
  }

  @Test
  void trackedTimeOutsideOneToTheSpanIsPoison() {
    send(
        trackedSession(
            "over", 1, "A", "2026-11-20T10:00:00Z", Duration.ofHours(1), Duration.ofHours(2)));
    send(
        trackedSession("zero", 1, "A", "2026-11-20T10:00:00Z", Duration.ofHours(1), Duration.ZERO));
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
                assertThat(
                        new String(
                            r.headers().lastHeader("x-exception-message").value(),
                            StandardCharsets.UTF_8))
                    .contains("trackedSeconds"));
    assertThat(plansOf(FRIDAY).get(0).entries().get(0).sessionIds()).containsExactly("rest:good");
  }

  @Test
  void documentsWrittenBeforeTrackedTimeReadAsSessionsWithoutIt() {
    Date nine = Date.from(Instant.parse("2026-11-20T09:00:00Z"));
    Date ten = Date.from(Instant.parse("2026-11-20T10:00:00Z"));
    String sessionKey = user.length() + ":" + user + "|rest:old";
    database()
        .getCollection("sessions")
        .insertOne(
            new Document("_id", sessionKey)
                .append("userId", user)
                .append("sessionId", "rest:old")
                .append("source", "rest")
                .append("version", 7L)
                .append("eventVersion", 7L)
                .append("deleted", false)
                .append("projectKey", "A")
                .append("start", nine)
                .append("end", ten)
                .append("title", "old"));
    database()
        .getCollection("user_days")
        .insertOne(
            new Document("_id", user.length() + ":" + user + "|" + FRIDAY)
                .append("userId", user)
                .append("date", FRIDAY.toString())
                .append("docVersion", 1L)
                .append(
                    "sessions",
                    List.of(
                        new Document("id", "rest:old")
                            .append("v", 7L)
                            .append("key", "A")
                            .append("s", nine)
                            .append("e", ten)
                            .append("t", "old")))
                .append("removed", List.of())
                .append("lateChanges", false)
                .append("unemitted", false));

    assertThat(sessionRepository.findLive(user))
        .singleElement()
        .extracting(StoredSession::trackedSeconds, StoredSession::title)
        .containsExactly(null, "old");
    assertThat(dayRepository.find(user, FRIDAY).orElseThrow().sessions().get("rest:old"))
        .isEqualTo(
            new Contribution("rest:old", 7L, "A", nine.toInstant(), ten.toInstant(), null, "old"));
    JsonNode day = get("/api/v1/days/2026-11-20");
    assertThat(day.get("buckets").get(0).get("trackedSeconds").asLong()).isEqualTo(3600);
    JsonNode listed = get("/api/v1/sessions?from=2026-11-20&to=2026-11-20").get("sessions");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).has("trackedSeconds")).isFalse();
  }

  private static JsonNode trackedSecondsOf(JsonNode sessions, String id) {
    return StreamSupport.stream(sessions.spliterator(), false)
        .filter(s -> s.get("id").asString().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session " + id + " in " + sessions))
        .get("trackedSeconds");
  }

  private MongoDatabase database() {
    return mongo.getDatabase("focussync-allocator");
  }

  private Document storedDay(LocalDate date) {
    return database()
        .getCollection("user_days")
        .find(new Document("_id", user.length() + ":" + user + "|" + date))
        .first();
  }
}
