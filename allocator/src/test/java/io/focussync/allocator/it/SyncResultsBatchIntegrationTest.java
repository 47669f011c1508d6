package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.verify;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.focussync.allocator.day.UserDay;
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
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.Invocation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import tools.jackson.databind.JsonNode;

/**
 * The batch consumer of sync results: the binding is stopped while results pile up, so that they
 * arrive in one poll when it starts again.
 */
class SyncResultsBatchIntegrationTest extends AllocatorIntegrationTest {

  static final LocalDate THURSDAY = LocalDate.of(2026, 11, 19);
  static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);
  static final String BINDING = "syncResults-in-0";

  /** One instant for every result: a result sent twice is a true duplicate. */
  static final Instant AT = Instant.parse("2026-11-20T18:00:00Z");

  @Autowired BindingsLifecycleController bindings;
  @Autowired MongoClient mongo;

  @AfterEach
  void startConsumer() {
    bindings.changeState(BINDING, State.STARTED);
  }

  @Test
  void severalResultsForADayInOnePollAreAppliedInOrderWithOneWrite() {
    send(session("a", 1, "A", "2026-11-20T09:00:00Z", Duration.ofHours(1)));
    awaitPlan(FRIDAY, p -> p.revision() == 1);
    awaitProcessed();
    bindings.changeState(BINDING, State.STOPPED);
    send(failed(FRIDAY, 1, "FAILED", "timeout", "other"));
    send(synced(FRIDAY, 1, "e-1"));
    send(failed(FRIDAY, 1, "NEEDS_ATTENTION", "entry is locked", "other"));
    bindings.changeState(BINDING, State.STARTED);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(day(FRIDAY).get("status").asString()).isEqualTo("NEEDS_ATTENTION"));

    // The newest result counts, on top of what the ones before it left (the synced entry id and
    // applied revision): the same state as applying them one at a time.
    JsonNode sync = day(FRIDAY).get("sync");
    assertThat(sync.get("appliedRevision").asLong()).isEqualTo(1);
    assertThat(sync.get("lastError").asString()).isEqualTo("entry is locked");
    assertThat(sync.get("entries")).hasSize(1);
    assertThat(sync.get("entries").get(0).get("clockifyEntryId").asString()).isEqualTo("e-1");
    assertThat(sync.get("entries").get(0).get("state").asString()).isEqualTo("NEEDS_ATTENTION");
    assertThat(syncWritesOf(FRIDAY)).isEqualTo(1);
  }

  @Test
  void anOlderRevisionsResultAfterANewerOneChangesNothing() {
    send(session("a", 1, "A", "2026-11-20T09:00:00Z", Duration.ofHours(1)));
    awaitPlan(FRIDAY, p -> p.revision() == 1);
    send(session("b", 1, "B", "2026-11-20T11:00:00Z", Duration.ofHours(1)));
    awaitPlan(FRIDAY, p -> p.revision() == 2);
    send(synced(FRIDAY, 2, "e-2"));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(day(FRIDAY).get("status").asString()).isEqualTo("SYNCED"));
    Document before = storedDay(FRIDAY);

    bindings.changeState(BINDING, State.STOPPED);
    send(failed(FRIDAY, 1, "FAILED", "old failure", "other"));
    send(synced(FRIDAY, 1, "e-1"));
    send(synced(FRIDAY, 2, "e-2"));
    send(failed(FRIDAY, 1, "NEEDS_ATTENTION", "older still", "other"));
    // Same partition (key = user), so once this one is applied the ones above were handled.
    send(synced(THURSDAY, 7, "marker"));
    bindings.changeState(BINDING, State.STARTED);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> day(THURSDAY).get("sync"), sync -> sync != null && !sync.isNull());
    assertThat(storedDay(FRIDAY)).isEqualTo(before);
    JsonNode friday = day(FRIDAY);
    assertThat(friday.get("status").asString()).isEqualTo("SYNCED");
    assertThat(friday.get("sync").get("appliedRevision").asLong()).isEqualTo(2);
    assertThat(friday.get("sync").get("entries").get(0).get("clockifyEntryId").asString())
        .isEqualTo("e-2");
  }

  @Test
  void aPoisonResultInsideABatchIsDeadLetteredAndTheResultsAroundItAreApplied() {
    bindings.changeState(BINDING, State.STOPPED);
    send(synced(THURSDAY, 3, "before"));
    send(
        Topics.SYNC_RESULTS,
        user,
        "{broken".getBytes(StandardCharsets.UTF_8),
        TestEvents.headers(EventTypes.DAY_SYNCED));
    send(synced(FRIDAY, 4, "after"));
    bindings.changeState(BINDING, State.STARTED);

    PlanCollector dlq = PlanCollector.of(Topics.SYNC_RESULTS + ".allocator.dlq");
    List<ConsumerRecord<String, byte[]>> dead =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> dlq.records(user), records -> records.size() == 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> day(FRIDAY).get("sync"), sync -> sync != null && !sync.isNull());

    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{broken");
    assertThat(dead.get(0).headers().lastHeader("x-exception-message")).isNotNull();
    assertThat(day(THURSDAY).get("sync").get("appliedRevision").asLong()).isEqualTo(3);
    assertThat(day(FRIDAY).get("sync").get("appliedRevision").asLong()).isEqualTo(4);
    assertThat(day(FRIDAY).get("sync").get("entries").get(0).get("clockifyEntryId").asString())
        .isEqualTo("after");
  }

  @Test
  void aDayWrittenByOthersMeanwhileIsRedoneResultByResult() {
    send(session("a", 1, "A", "2026-11-20T09:00:00Z", Duration.ofHours(1)));
    awaitPlan(FRIDAY, p -> p.revision() == 1);
    awaitProcessed();
    doReturn(false)
        .doCallRealMethod()
        .when(dayRepository)
        .saveSyncAll(argThat(days -> days.stream().anyMatch(d -> user.equals(d.userId()))));
    try {
      send(synced(FRIDAY, 1, "e-1"));

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> assertThat(day(FRIDAY).get("status").asString()).isEqualTo("SYNCED"));
      assertThat(day(FRIDAY).get("sync").get("entries").get(0).get("clockifyEntryId").asString())
          .isEqualTo("e-1");
      verify(dayRepository, atLeastOnce())
          .save(argThat(d -> user.equals(d.userId()) && d.sync() != null));
    } finally {
      doCallRealMethod().when(dayRepository).saveSyncAll(any());
    }
  }

  private JsonNode day(LocalDate date) {
    return get("/api/v1/days/" + date);
  }

  private Document storedDay(LocalDate date) {
    return mongo
        .getDatabase("focussync-allocator")
        .getCollection("user_days")
        .find(Filters.and(Filters.eq("userId", user), Filters.eq("date", date.toString())))
        .first();
  }

  /** How many writes of a sync state (bulk, or one result at a time) held this test's day. */
  private long syncWritesOf(LocalDate date) {
    return mockingDetails(dayRepository).getInvocations().stream()
        .filter(i -> holds(i, date))
        .count();
  }

  private boolean holds(Invocation invocation, LocalDate date) {
    String method = invocation.getMethod().getName();
    List<?> days;
    if (method.equals("saveSyncAll")) {
      days = (List<?>) invocation.getArgument(0);
    } else if (method.equals("save")) {
      days = List.of(invocation.getArgument(0));
    } else {
      return false;
    }
    return days.stream()
        .map(UserDay.class::cast)
        .anyMatch(d -> user.equals(d.userId()) && date.equals(d.date()) && d.sync() != null);
  }

  private DaySynced synced(LocalDate date, long revision, String entryId) {
    return new DaySynced(
        user,
        date,
        revision,
        false,
        List.of(new SyncedEntry("other", entryId, null, List.of())),
        1,
        0,
        0,
        AT);
  }

  private DaySyncFailed failed(
      LocalDate date, long revision, String status, String reason, String slot) {
    return new DaySyncFailed(user, date, revision, status, reason, List.of(slot), AT);
  }
}
