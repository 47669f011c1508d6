package io.focussync.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.contracts.CommonFormInstants;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast reading of the common RFC 3339 form agrees with {@link
 * DateTimeFormatter#ISO_OFFSET_DATE_TIME} on every text it reads, and leaves every other text to
 * the formatter, so that {@link Timestamps#parseWithOffset} accepts and rejects exactly as before.
 */
class TimestampsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-20T09:15:00Z",
        "2026-11-20T09:15:00+01:00",
        "2026-11-20T09:15:00-05:30",
        "2026-11-20T09:15:00.5Z",
        "2026-11-20T09:15:00.123456789+14:00",
        "2024-02-29T23:59:59-00:00",
        "1970-01-01T00:00:00Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999-17:59"
      })
  void commonFormsAreReadFastAndAsTheFormatterReadsThem(String text) {
    assertThat(CommonFormInstants.parse(text)).isNotNull().isEqualTo(formatter(text).get());
    assertThat(Timestamps.parseWithOffset(text)).isEqualTo(formatter(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-20t09:15:00z",
        "2026-11-20T09:15Z",
        "2026-11-20T09:15:00.Z",
        "2026-11-20T09:15:00+18:00",
        "2026-11-20T09:15:00+01:00:30",
        "+2026-11-20T09:15:00Z",
        "12026-11-20T09:15:00Z",
        "2026-11-20T09:15:00.1234567890Z"
      })
  void unusualFormsAreLeftToTheFormatter(String text) {
    assertThat(CommonFormInstants.parse(text)).isNull();
    assertThat(Timestamps.parseWithOffset(text)).isEqualTo(formatter(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-20T09:15:00",
        "2026-02-29T09:15:00Z",
        "2026-04-31T09:15:00Z",
        "2026-13-01T09:15:00Z",
        "2026-00-01T09:15:00Z",
        "2026-11-00T09:15:00Z",
        "2026-11-20T24:00:00Z",
        "2026-11-20T09:60:00Z",
        "2026-11-20T09:15:60Z",
        "2026-11-20T09:15:00+19:00",
        "2026-11-20T09:15:00+01:60",
        "2026-11-20T09:15:00+0100",
        "2026-11-20T09:15:00Z ",
        "2026-11-20 09:15:00Z",
        "2026-1１-20T09:15:00Z",
        "2026-11-20T09:15:00ZZ"
      })
  void invalidTextsAreRejectedAsBefore(String text) {
    assertThat(CommonFormInstants.parse(text)).isNull();
    assertThat(Timestamps.parseWithOffset(text)).isEmpty();
    assertThat(formatter(text)).isEmpty();
  }

  @Test
  void generatedAndMutatedTextsAreJudgedAsTheFormatterJudgesThem() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    String alphabet = "0123456789-:T.Z+tz ";
    for (int i = 0; i < 50_000; i++) {
      StringBuilder text = new StringBuilder(generated(random));
      int mutations = random.nextInt(3);
      for (int m = 0; m < mutations && text.length() > 0; m++) {
        int at = random.nextInt(text.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0 -> text.setCharAt(at, c);
          case 1 -> text.insert(at, c);
          default -> text.deleteCharAt(at);
        }
      }
      String candidate = text.toString();
      Optional<Instant> expected = formatter(candidate);
      Instant fast = CommonFormInstants.parse(candidate);
      if (fast != null) {
        assertThat(Optional.of(fast)).as("seed %d, text %s", seed, candidate).isEqualTo(expected);
      }
      assertThat(Timestamps.parseWithOffset(candidate))
          .as("seed %d, text %s", seed, candidate)
          .isEqualTo(expected);
    }
  }

  /** A timestamp in the common form, its fields sometimes out of range. */
  private static String generated(Random random) {
    int year = random.nextInt(10) == 0 ? random.nextInt(10_000) : 1960 + random.nextInt(80);
    String text =
        String.format(
            "%04d-%02d-%02dT%02d:%02d:%02d",
            year,
            random.nextInt(14),
            random.nextInt(33),
            random.nextInt(26),
            random.nextInt(62),
            random.nextInt(62));
    if (random.nextBoolean()) {
      int digits = 1 + random.nextInt(10);
      StringBuilder fraction = new StringBuilder(".");
      for (int i = 0; i < digits; i++) {
        fraction.append(random.nextInt(10));
      }
      text += fraction;
    }
    switch (random.nextInt(3)) {
      case 0:
        return text + "Z";
      case 1:
        return text
            + (random.nextBoolean() ? "+" : "-")
            + String.format("%02d:%02d", random.nextInt(20), random.nextInt(62));
      default:
        return text + (random.nextBoolean() ? "z" : "");
    }
  }

  private static Optional<Instant> formatter(String text) {
    try {
      return Optional.of(
          OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
