package io.focussync.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionValidatorTest {

  private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  private final SessionValidator validator = new SessionValidator(SessionRules.defaults());

  private static SessionInput input(String start, String end) {
    return tracked(start, end, null);
  }

  private static SessionInput tracked(String start, String end, String trackedSeconds) {
    return new SessionInput(
        "id-1", "acme", start, end, trackedSeconds, "t", List.of("a"), "Europe/Madrid");
  }

  private List<String> fields(SessionInput input) {
    return validator.validate(input, NOW).violations().stream().map(Violation::field).toList();
  }

  @Test
  void acceptsAValidSessionWithAnOffset() {
    SessionValidation result =
        validator.validate(input("2026-11-20T09:00:00+01:00", "2026-11-20T10:30:00+01:00"), NOW);

    assertThat(result.isValid()).isTrue();
    assertThat(result.session().start()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
    assertThat(result.session().sourceId()).isEqualTo("id-1");
  }

  @Test
  void rejectsTimestampsWithoutOffsetOrImpossibleDates() {
    assertThat(fields(input("2026-11-20T09:00:00", "2026-11-20T10:00:00Z")))
        .containsExactly("start");
    assertThat(fields(input("2026-11-20T09:00:00Z", "2026-13-01T10:00:00Z")))
        .containsExactly("end");
    assertThat(fields(input("1969-12-31T23:00:00Z", "1970-01-01T01:00:00Z")))
        .containsExactly("start");
  }

  @Test
  void enforcesOrderDurationAndFutureStart() {
    assertThat(fields(input("2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z")))
        .containsExactly("end");
    assertThat(fields(input("2026-11-19T09:59:59Z", "2026-11-20T10:00:00Z")))
        .containsExactly("end");
    assertThat(fields(input("2026-11-19T10:00:00Z", "2026-11-20T10:00:00Z"))).isEmpty();
    assertThat(fields(input("2026-11-20T12:05:00Z", "2026-11-20T13:00:00Z"))).isEmpty();
    assertThat(fields(input("2026-11-20T12:05:01Z", "2026-11-20T13:00:00Z")))
        .containsExactly("start");
  }

  @Test
  void theMaximumDurationIsConfigurable() {
    SessionValidator strict =
        new SessionValidator(new SessionRules(Duration.ofHours(2), Duration.ofMinutes(5)));

    assertThat(
            strict
                .validate(input("2026-11-20T07:00:00Z", "2026-11-20T09:00:01Z"), NOW)
                .violations())
        .extracting(Violation::field)
        .containsExactly("end");
  }

  @Test
  void checksProjectKeyTagsTitleZoneAndIdAndReportsThemAll() {
    SessionInput bad =
        new SessionInput(
            "has space",
            "k".repeat(513),
            "2026-11-20T09:00:00Z",
            "2026-11-20T10:00:00Z",
            null,
            "x".repeat(2001),
            List.of("ok", " "),
            "Mars/Olympus");

    assertThat(fields(bad)).containsExactly("id", "projectKey", "title", "tags[1]", "timeZone");
    assertThat(fields(new SessionInput(null, " ", null, null, null, null, null, null)))
        .containsExactly("projectKey", "start", "end");
    assertThat(
            fields(
                new SessionInput(
                    null,
                    "k".repeat(512),
                    "2026-11-20T09:00:00Z",
                    "2026-11-20T10:00:00Z",
                    null,
                    null,
                    null,
                    "UTC")))
        .isEmpty();
  }

  @Test
  void rejectsBrokenUnicodeAndControlCharacters() {
    assertThat(
            fields(
                new SessionInput(
                    null,
                    "a\uD800",
                    "2026-11-20T09:00:00Z",
                    "2026-11-20T10:00:00Z",
                    null,
                    null,
                    null,
                    null)))
        .containsExactly("projectKey");
    assertThat(
            fields(
                new SessionInput(
                    null,
                    "a\nb",
                    "2026-11-20T09:00:00Z",
                    "2026-11-20T10:00:00Z",
                    null,
                    null,
                    null,
                    null)))
        .containsExactly("projectKey");
    assertThat(SessionValidator.isWellFormed("ok \uD83D\uDE00")).isTrue();
  }

  @Test
  void carriesTrackedSecondsFromOneUpToTheSpan() {
    String start = "2026-11-20T09:00:00Z";
    String end = "2026-11-20T10:00:00Z";

    assertThat(validator.validate(tracked(start, end, "1"), NOW).session().trackedSeconds())
        .isEqualTo(1L);
    assertThat(validator.validate(tracked(start, end, "3600"), NOW).session().trackedSeconds())
        .isEqualTo(3600L);
    assertThat(validator.validate(tracked(start, end, null), NOW).session().trackedSeconds())
        .isNull();
  }

  @Test
  void rejectsTrackedSecondsBelowOneAboveTheSpanOrNotWhole() {
    String start = "2026-11-20T09:00:00Z";
    String end = "2026-11-20T10:00:00Z";

    for (String bad : List.of("0", "-5", "3601", "1.5", "abc", "", " 60", "99999999999999999999")) {
      assertThat(fields(tracked(start, end, bad))).as(bad).containsExactly("trackedSeconds");
    }
    assertThat(validator.validate(tracked(start, end, "3601"), NOW).violations())
        .extracting(Violation::message)
        .containsExactly("must not be more than the session's 3600 seconds from start to end");
  }

  @Test
  void theSpanBoundIsItsWholeSeconds() {
    SessionInput fractionalSpan =
        tracked("2026-11-20T09:00:00.600Z", "2026-11-20T09:01:00.500Z", "60");

    assertThat(fields(fractionalSpan)).containsExactly("trackedSeconds");
    assertThat(fields(tracked("2026-11-20T09:00:00.600Z", "2026-11-20T09:01:00.500Z", "59")))
        .isEmpty();
  }

  @Test
  void trackedSecondsAreNotJudgedAgainstABrokenSpan() {
    assertThat(fields(tracked("2026-11-20T10:00:00Z", "2026-11-20T09:00:00Z", "60")))
        .containsExactly("end");
    assertThat(fields(tracked("yesterday", "2026-11-20T09:00:00Z", "0")))
        .containsExactly("start", "trackedSeconds");
  }
}
