package io.focussync.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionBatchTest {

  static final Instant NOW = Instant.parse("2026-01-11T12:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final SessionValidator validator = new SessionValidator(SessionRules.defaults());
  final SessionEvents events = new SessionEvents(new VersionSequence(clock), clock);
  final List<Integer> prepared = new ArrayList<>();

  final SessionBatch.Preparer preparer =
      (index, input) -> {
        prepared.add(index);
        SessionValidation v = validator.validate(input, NOW);
        if (!v.isValid()) {
          return new PreparedSession(null, v.violations());
        }
        String sourceId = v.session().sourceId() != null ? v.session().sourceId() : "gen-" + index;
        return new PreparedSession(
            events.recorded("u", SessionIdentity.REST, sourceId, v.session()), List.of());
      };

  static SessionBatch.Item item(String id, String start, String end) {
    return new SessionBatch.Item(
        new SessionInput(id, "p", start, end, null, null, List.of(), null), List.of());
  }

  static SessionBatch.Item good(String id) {
    return item(id, "2026-01-10T09:00:00Z", "2026-01-10T10:00:00Z");
  }

  @Test
  void eachItemIsJudgedOnItsOwnAndTheAcceptedOnesArePublishedTogether() {
    SessionBatch.Item unreadable =
        new SessionBatch.Item(null, List.of(new Violation("", "must be a JSON object")));
    SessionBatch.Item backwards = item("b", "2026-01-10T10:00:00Z", "2026-01-10T09:00:00Z");

    SessionBatch.Outcome outcome =
        SessionBatch.judge(List.of(good("a"), unreadable, backwards, good(null)), preparer);

    assertThat(prepared).containsExactly(0, 2, 3);
    assertThat(outcome.results())
        .extracting(SessionBatch.ItemResult::status)
        .containsExactly(
            ItemStatus.ACCEPTED, ItemStatus.REJECTED, ItemStatus.REJECTED, ItemStatus.ACCEPTED);
    assertThat(outcome.publishes()).isTrue();
    assertThat(outcome.events())
        .extracting(e -> e.sessionId())
        .containsExactly("rest:a", "rest:gen-3");
    assertThat(outcome.results().get(2).errors()).extracting(Violation::field).contains("end");
  }

  @Test
  void aBatchOfRejectedItemsOnlyPublishesNothing() {
    SessionBatch.Outcome outcome =
        SessionBatch.judge(List.of(item("x", "not a time", "2026-01-10T09:00:00Z")), preparer);

    assertThat(outcome.publishes()).isFalse();
    assertThat(outcome.events()).isEmpty();
    assertThat(SessionBatch.judge(List.of(), preparer).publishes()).isFalse();
  }

  @Test
  void theAnswerCountsAndListsEveryItemInOrder() {
    SessionBatch.Item broken =
        new SessionBatch.Item(null, List.of(new Violation("projectKey", "must be a string")));

    Map<String, Object> json = SessionBatch.judge(List.of(good("a"), broken), preparer).toJson();

    assertThat(json).containsEntry("accepted", 1).containsEntry("rejected", 1);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results = (List<Map<String, Object>>) json.get("results");
    assertThat(results.get(0))
        .containsOnlyKeys("index", "id", "version", "status")
        .containsEntry("index", 0)
        .containsEntry("id", "rest:a")
        .containsEntry("status", "accepted");
    assertThat(results.get(1))
        .containsOnlyKeys("index", "status", "errors")
        .containsEntry("status", "rejected")
        .containsEntry(
            "errors", List.of(Map.of("field", "projectKey", "message", "must be a string")));
  }
}
