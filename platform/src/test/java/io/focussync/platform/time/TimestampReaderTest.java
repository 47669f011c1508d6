package io.focussync.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class TimestampReaderTest {

  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  @Test
  void readsInstantsWithAnOffsetInTheCommonAndInOtherForms() {
    assertThat(TimestampReader.parse("2026-11-20T10:00:00Z")).isEqualTo(NOW);
    assertThat(TimestampReader.parse("2026-11-20T11:00:00.000+01:00")).isEqualTo(NOW);
    // not the common form (no seconds): the formatter reads it
    assertThat(TimestampReader.parse("2026-11-20T11:00+01:00")).isEqualTo(NOW);
    assertThat(TimestampReader.parse(null)).isNull();
    assertThat(TimestampReader.parse(" ")).isNull();
  }

  @Test
  void aTimestampWithoutOffsetIsNone() {
    assertThatThrownBy(() -> TimestampReader.parse("2026-11-20T10:00:00"))
        .isInstanceOf(DateTimeParseException.class);
    assertThat(TimestampReader.read("2026-11-20T10:00:00")).isEmpty();
    assertThat(TimestampReader.read("2026-02-30T10:00:00Z")).isEmpty();
    assertThat(TimestampReader.read("2026-11-20T10:00:00+01:00")).contains(NOW.minusSeconds(3600));
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDateAndNeverNegative() {
    assertThat(TimestampReader.retryAfter("7", NOW)).isEqualTo(Duration.ofSeconds(7));
    assertThat(TimestampReader.retryAfter("-3", NOW)).isEqualTo(Duration.ZERO);
    assertThat(TimestampReader.retryAfter("Fri, 20 Nov 2026 10:00:30 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(TimestampReader.retryAfter("Fri, 20 Nov 2026 09:00:00 GMT", NOW))
        .isEqualTo(Duration.ZERO);
    assertThat(TimestampReader.retryAfter("soon", NOW)).isNull();
    assertThat(TimestampReader.retryAfter(null, NOW)).isNull();
  }
}
