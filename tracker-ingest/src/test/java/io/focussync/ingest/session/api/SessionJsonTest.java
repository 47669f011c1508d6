package io.focussync.ingest.session.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.ingest.session.Violation;
import org.junit.jupiter.api.Test;

class SessionJsonTest {

  private static SessionJson.Read read(String trackedSeconds) {
    return SessionJson.read(
        JsonBodies.mapper()
            .readTree(
                "{\"projectKey\":\"p\",\"start\":\"2026-11-20T09:00:00Z\","
                    + "\"end\":\"2026-11-20T10:00:00Z\",\"trackedSeconds\":"
                    + trackedSeconds
                    + "}"));
  }

  @Test
  void aJsonIntegerIsTakenAsItsDigits() {
    assertThat(read("1800").input().trackedSeconds()).isEqualTo("1800");
    assertThat(read("1800").violations()).isEmpty();
    assertThat(read("null").input().trackedSeconds()).isNull();
    assertThat(read("null").violations()).isEmpty();
  }

  @Test
  void aFractionAStringOrAnythingElseIsAViolationOfTheField() {
    assertThat(read("1.5").violations())
        .containsExactly(
            new Violation("trackedSeconds", "must be a whole number of seconds, not 1.5"));
    assertThat(read("\"abc\"").violations())
        .containsExactly(
            new Violation("trackedSeconds", "must be a whole number of seconds, not a string"));
    for (String other : new String[] {"\"3600\"", "3600.0", "1e3", "true", "[1]", "{}"}) {
      assertThat(read(other).violations())
          .as(other)
          .extracting(Violation::field)
          .containsExactly("trackedSeconds");
      assertThat(read(other).input().trackedSeconds()).as(other).isNull();
    }
  }

  @Test
  void aLargeIntegerIsLeftForTheValidatorToJudge() {
    assertThat(read("123456789012345678901234567890").input().trackedSeconds())
        .isEqualTo("123456789012345678901234567890");
    assertThat(read("-3").input().trackedSeconds()).isEqualTo("-3");
  }
}
