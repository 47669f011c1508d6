package io.focussync.ingest.focus.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.ingest.session.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FocusDraftTest {

  static final String START = "2026-01-10T08:00:00Z";
  static final String END = "2026-01-10T08:25:00Z";
  static final FocusSession STORED =
      new FocusSession(
          "rest:a",
          Instant.parse(START),
          Instant.parse(END),
          600L,
          "p",
          "t",
          "2026-01-10T07:00:00Z");

  @Test
  void durationMinutesBecomeRoundedTrackedSecondsOfAtLeastOne() {
    assertThat(tracked("20")).isEqualTo("1200");
    assertThat(tracked("12.5")).isEqualTo("750");
    assertThat(tracked("0.0083")).isEqualTo("1");
    assertThat(tracked("0.0001")).isEqualTo("1");
    assertThat(tracked("24.99999")).isEqualTo("1500");
    assertThat(tracked("25")).isEqualTo("1500");
    assertThat(tracked("0")).isNull();
    assertThat(create(null).input().trackedSeconds()).isNull();
  }

  @Test
  void durationBeyondTheSpanOrNegativeIsAViolationOnDuration() {
    assertThat(create("25.0001").violations())
        .extracting(Violation::field)
        .containsExactly("duration");
    assertThat(create("-0.5").violations())
        .extracting(Violation::field)
        .containsExactly("duration");
    assertThat(create("1e400").violations())
        .extracting(Violation::field)
        .containsExactly("duration");
  }

  @Test
  void withoutAProjectKeyTheDefaultIsAskedForOnlyThen() {
    assertThat(create("5").input().projectKey()).isEqualTo("default");
    FocusChange withKey =
        new FocusChange(
            Field.of(START), Field.of(END), Field.absent(), Field.of("mine"), Field.absent());
    assertThat(
            FocusDraft.create(
                    withKey,
                    () -> {
                      throw new AssertionError("not needed");
                    })
                .input()
                .projectKey())
        .isEqualTo("mine");
  }

  @Test
  void aPatchKeepsAbsentFieldsAndRemovesNullOnes() {
    FocusDraft.Result kept = patch(change(Field.absent(), Field.absent(), Field.absent()));
    assertThat(kept.input().trackedSeconds()).isEqualTo("600");
    assertThat(kept.input().title()).isEqualTo("t");
    assertThat(kept.input().projectKey()).isEqualTo("p");
    assertThat(kept.input().id()).isEqualTo("a");
    assertThat(kept.input().start()).isEqualTo(START);

    FocusDraft.Result removed = patch(change(Field.ofNull(), Field.ofNull(), Field.ofNull()));
    assertThat(removed.input().trackedSeconds()).isNull();
    assertThat(removed.input().title()).isNull();
    assertThat(removed.input().projectKey()).isEqualTo("default");

    FocusDraft.Result nullStart =
        FocusDraft.patch(
            STORED,
            new FocusChange(
                Field.ofNull(), Field.absent(), Field.absent(), Field.absent(), Field.absent()),
            "a",
            () -> "default");
    assertThat(nullStart.violations()).extracting(Violation::field).containsExactly("sessionStart");
  }

  @Test
  void minutesAreWholeNumbersWhereWhole() {
    assertThat(FocusDraft.minutes(1200L, null, null)).isEqualTo(20L);
    assertThat(FocusDraft.minutes(90L, null, null)).isEqualTo(1.5);
    assertThat(FocusDraft.minutes(null, Instant.parse(START), Instant.parse(END))).isEqualTo(25L);
    assertThat(
            FocusDraft.minutes(null, Instant.parse(START), Instant.parse("2026-01-10T08:00:30Z")))
        .isEqualTo(0.5);
  }

  @Test
  void theSessionRulesFieldsAreRenamed() {
    assertThat(
            FocusDraft.renamed(
                List.of(
                    new Violation("start", "is required"),
                    new Violation("end", "must be after start"),
                    new Violation("trackedSeconds", "x"),
                    new Violation("projectKey", "y"))))
        .containsExactly(
            new Violation("sessionStart", "is required"),
            new Violation("sessionEnd", "must be after sessionStart"),
            new Violation("duration", "x"),
            new Violation("projectKey", "y"));
  }

  private static FocusChange change(
      Field<BigDecimal> duration, Field<String> projectKey, Field<String> title) {
    return new FocusChange(Field.absent(), Field.absent(), duration, projectKey, title);
  }

  private static FocusDraft.Result patch(FocusChange change) {
    return FocusDraft.patch(STORED, change, "a", () -> "default");
  }

  private static String tracked(String duration) {
    FocusDraft.Result result = create(duration);
    assertThat(result.violations()).isEmpty();
    return result.input().trackedSeconds();
  }

  private static FocusDraft.Result create(String duration) {
    FocusChange change =
        new FocusChange(
            Field.of(START),
            Field.of(END),
            duration == null ? Field.absent() : Field.of(new BigDecimal(duration)),
            Field.absent(),
            Field.absent());
    return FocusDraft.create(change, () -> "default");
  }
}
