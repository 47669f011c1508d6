package io.focussync.cli.claudetracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionPlannerTest {

  private static final String PATH = "/Users/ada/.claude/projects/-Users-ada-work-npr/4f1c.jsonl";
  private static final String ID_CHARSET = "[A-Za-z0-9._~@+=-]{1,128}";

  @Test
  void idIsCtPlusBase64UrlOfSha256OfThePath() throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(PATH.getBytes(StandardCharsets.UTF_8));
    String expected = "ct-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);

    assertThat(SessionIds.of(PATH)).isEqualTo(expected).hasSize(46).matches(ID_CHARSET);
    assertThat(SessionIds.of(PATH)).isEqualTo(SessionIds.of(PATH));
    assertThat(SessionIds.of(PATH + "x")).isNotEqualTo(SessionIds.of(PATH));
  }

  @Test
  void anyPathGivesAnIdInTheApisCharset() {
    for (String path :
        List.of("C:\\Users\\ada\\t x.jsonl", "/tmp/naïve ☕/a b?c#d.jsonl", "line\nbreak", "/")) {
      assertThat(SessionIds.of(path)).matches(ID_CHARSET);
    }
  }

  @Test
  void aRowBecomesOneSessionWithProjectPathTitleAndTrackedSeconds() throws Exception {
    RowPlan plan =
        SessionPlanner.plan(
            new TrackerRow(
                PATH, "/Users/ada/work/npr", "2026-03-02T09:00:00Z", "2026-03-02T10:30:00Z", 3600));

    assertThat(plan.sessions())
        .containsExactly(
            new OutgoingSession(
                SessionIds.of(PATH),
                "/Users/ada/work/npr",
                Instant.parse("2026-03-02T09:00:00Z"),
                Instant.parse("2026-03-02T10:30:00Z"),
                "4f1c.jsonl",
                3600));
    assertThat(new String(plan.bodies().get(0), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"id\":\""
                + SessionIds.of(PATH)
                + "\",\"projectKey\":\"/Users/ada/work/npr\",\"start\":\"2026-03-02T09:00:00Z\","
                + "\"end\":\"2026-03-02T10:30:00Z\",\"title\":\"4f1c.jsonl\",\"trackedSeconds\":3600}");
  }

  @Test
  void trackedSecondsAreClampedToOneAndTheSpan() throws Exception {
    assertThat(tracked("2026-03-02T09:00:00Z", "2026-03-02T09:10:00Z", 0)).containsExactly(1L);
    assertThat(tracked("2026-03-02T09:00:00Z", "2026-03-02T09:10:00Z", 99_999))
        .containsExactly(600L);
    assertThat(tracked("2026-03-02T09:00:00Z", "2026-03-02T09:10:00Z", -5)).containsExactly(1L);
  }

  @Test
  void aSessionOfExactly24HoursIsNotClipped() throws Exception {
    RowPlan plan =
        SessionPlanner.plan(
            new TrackerRow(PATH, "/p", "2026-03-01T12:00:00Z", "2026-03-02T12:00:00Z", 50_000));

    assertThat(plan.ids()).containsExactly(SessionIds.of(PATH));
  }

  @Test
  void aSessionOver24HoursIsClippedAtUtcMidnightsWithTrackedTimeInProportion() throws Exception {
    // 30 h: 4 h on 03-01, 24 h on 03-02, 2 h on 03-03; 15,000 s tracked
    RowPlan plan =
        SessionPlanner.plan(
            new TrackerRow(PATH, "/p", "2026-03-01T20:00:00Z", "2026-03-03T02:00:00Z", 15_000));

    String id = SessionIds.of(PATH);
    assertThat(plan.sessions())
        .extracting(OutgoingSession::id, OutgoingSession::start, OutgoingSession::end)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                id + ".2026-03-01",
                Instant.parse("2026-03-01T20:00:00Z"),
                Instant.parse("2026-03-02T00:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                id + ".2026-03-02",
                Instant.parse("2026-03-02T00:00:00Z"),
                Instant.parse("2026-03-03T00:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                id + ".2026-03-03",
                Instant.parse("2026-03-03T00:00:00Z"),
                Instant.parse("2026-03-03T02:00:00Z")));
    assertThat(plan.sessions())
        .extracting(OutgoingSession::trackedSeconds)
        .containsExactly(2000L, 12000L, 1000L);
    assertThat(plan.ids()).allMatch(piece -> piece.matches(ID_CHARSET));
  }

  @Test
  void proportionalSharesAlwaysAddUpToTheTotal() {
    long[] spans = {3333, 86400, 86400, 1};
    long span = 3333 + 86400 + 86400 + 1;
    for (long total : new long[] {1, 7, 100_000, span}) {
      long[] shares = SessionPlanner.proportional(total, spans, span);
      assertThat(java.util.Arrays.stream(shares).sum()).isEqualTo(total);
    }
  }

  @Test
  void aRowWithoutSpanHasNothingToSendAndBadTimesAreRefused() throws Exception {
    assertThat(
            SessionPlanner.plan(
                    new TrackerRow(PATH, "/p", "2026-03-02T09:00:00Z", "2026-03-02T09:00:00Z", 0))
                .sessions())
        .isEmpty();
    assertThatThrownBy(() -> SessionPlanner.plan(new TrackerRow(PATH, "/p", "yesterday", "now", 5)))
        .isInstanceOf(InvalidRowException.class)
        .hasMessageContaining("start_time");
    assertThatThrownBy(
            () ->
                SessionPlanner.plan(
                    new TrackerRow(PATH, " ", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", 5)))
        .hasMessageContaining("project");
  }

  @Test
  void theHashChangesWithWhatIsSentAndOnlyThen() throws Exception {
    TrackerRow row = new TrackerRow(PATH, "/p", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", 60);
    TrackerRow grown =
        new TrackerRow(PATH, "/p", "2026-03-02T09:00:00Z", "2026-03-02T10:05:00Z", 65);

    assertThat(SessionPlanner.plan(row).hash()).isEqualTo(SessionPlanner.plan(row).hash());
    assertThat(SessionPlanner.plan(grown).hash()).isNotEqualTo(SessionPlanner.plan(row).hash());
  }

  @Test
  void batchesHoldAtMost1000SessionsAndKeepARowsPiecesTogether() throws Exception {
    List<RowPlan> plans = new java.util.ArrayList<>();
    for (int i = 0; i < 999; i++) {
      plans.add(
          SessionPlanner.plan(
              new TrackerRow("/s/" + i, "/p", "2026-03-02T09:00:00Z", "2026-03-02T09:01:00Z", 60)));
    }
    plans.add(
        SessionPlanner.plan(
            new TrackerRow("/long", "/p", "2026-03-01T20:00:00Z", "2026-03-03T02:00:00Z", 60)));

    List<List<RowPlan>> chunks = TrackerSync.chunks(plans);

    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(0)).hasSize(999);
    assertThat(chunks.get(1)).singleElement().satisfies(p -> assertThat(p.ids()).hasSize(3));
  }

  private static List<Long> tracked(String start, String end, long duration) throws Exception {
    return SessionPlanner.plan(new TrackerRow(PATH, "/p", start, end, duration)).sessions().stream()
        .map(OutgoingSession::trackedSeconds)
        .toList();
  }
}
