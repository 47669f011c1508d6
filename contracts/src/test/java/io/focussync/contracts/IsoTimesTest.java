package io.focussync.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimesTest {

  @Test
  void readsEveryUtcInstantAsTheJdkDoes() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      // Years 0000 to 9999: the four-digit years Instant writes.
      long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L);
      String text = Instant.ofEpochSecond(seconds).toString();
      int digits = random.nextInt(10);
      if (digits > 0) {
        StringBuilder fraction = new StringBuilder(".");
        for (int d = 0; d < digits; d++) {
          fraction.append(random.nextInt(10));
        }
        text = text.substring(0, text.length() - 1) + fraction + "Z";
      }
      assertThat(CommonFormInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-20T08:15Z",
        "2026-02-30T08:15:00Z",
        "2026-13-01T08:15:00Z",
        "2026-11-20T24:00:00Z",
        "2026-11-20T08:60:00Z",
        "2026-11-20T08:15:60Z",
        "2026-11-20T08:15:00.Z",
        "2026-11-20T08:15:00.1234567890Z",
        "2026-11-20 08:15:00Z",
        "2026-1a-20T08:15:00Z",
        "2026-11-20t08:15:00z",
        "+12026-11-20T08:15:00Z"
      })
  void leavesEveryOtherFormToJackson(String text) {
    assertThat(CommonFormInstants.parse(text)).isNull();
  }

  @Test
  void eventsWithOffsetsOrEpochNumbersAreStillRead() {
    assertThat(deletedAt("\"2026-11-20T10:15:00+02:00\""))
        .isEqualTo(Instant.parse("2026-11-20T08:15:00Z"));
    assertThat(deletedAt("\"2026-11-20t08:15:00.5z\""))
        .isEqualTo(Instant.parse("2026-11-20T08:15:00.500Z"));
    assertThat(deletedAt("1795162500")).isEqualTo(Instant.parse("2026-11-20T08:15:00Z"));
  }

  @Test
  void anImpossibleInstantMakesTheEventUnreadable() {
    assertThatThrownBy(() -> deletedAt("\"2026-02-30T08:15:00Z\""))
        .isInstanceOf(EventCodec.UnreadableEventException.class);
  }

  @Test
  void readsEveryDateAsTheJdkDoesAndLeavesOtherFormsToJackson() {
    for (LocalDate date = LocalDate.of(1999, 12, 1);
        date.isBefore(LocalDate.of(2031, 1, 1));
        date = date.plusDays(1)) {
      assertThat(IsoLocalDates.parse(date.toString())).isEqualTo(date);
    }
    for (String other :
        List.of("2026-02-30", "2026-13-01", "2026-1-01", "2026/11/20", "20261120")) {
      assertThat(IsoLocalDates.parse(other)).as(other).isNull();
    }
    assertThat(planDate("\"2026-11-20\"")).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(planDate("[2026,11,20]")).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThatThrownBy(() -> planDate("\"2026-02-30\""))
        .isInstanceOf(EventCodec.UnreadableEventException.class);
  }

  private static LocalDate planDate(String json) {
    String event =
        "{\"userId\":\"u\",\"date\":"
            + json
            + ",\"timeZone\":\"UTC\",\"revision\":1,\"mode\":\"ACTUAL\",\"entries\":[]}";
    return EventCodec.fromJson(DayPlanned.class, event.getBytes(StandardCharsets.UTF_8)).date();
  }

  private static Instant deletedAt(String json) {
    String event =
        "{\"userId\":\"u\",\"sessionId\":\"rest:1\",\"source\":\"rest\",\"version\":1,"
            + "\"deletedAt\":"
            + json
            + "}";
    return EventCodec.fromJson(SessionDeleted.class, event.getBytes(StandardCharsets.UTF_8))
        .deletedAt();
  }
}
