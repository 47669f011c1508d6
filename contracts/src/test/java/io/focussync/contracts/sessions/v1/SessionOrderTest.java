package io.focussync.contracts.sessions.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionOrderTest {

  private static final long NOW_MICROS =
      Instant.parse("2026-11-20T12:00:00Z").toEpochMilli() * 1000;
  private static final long FIVE_MINUTES = 5 * 60 * 1_000_000L;

  @Test
  void trackerIngestChangesFollowTheTopicNotTheirVersion() {
    long put = SessionOrder.rank("rest:a", NOW_MICROS, 41);
    long deleteFromASlowClock = SessionOrder.rank("rest:a", NOW_MICROS - FIVE_MINUTES, 42);

    assertThat(deleteFromASlowClock).isGreaterThan(put);
    assertThat(SessionOrder.rank("import:a", 9, 7)).isLessThan(SessionOrder.rank("import:a", 1, 8));
  }

  @Test
  void notionChangesFollowTheirVersionNotTheTopic() {
    long newer = SessionOrder.rank("notion:p", NOW_MICROS, 41);
    long olderPublishedLater = SessionOrder.rank("notion:p", NOW_MICROS - 1, 42);

    assertThat(olderPublishedLater).isLessThan(newer);
    assertThat(SessionOrder.followsTopic("notion:p")).isFalse();
    assertThat(SessionOrder.followsTopic("rest:p")).isTrue();
  }

  @Test
  void theSameRecordAgainHasTheSameRank() {
    assertThat(SessionOrder.rank("rest:a", 1, 42)).isEqualTo(SessionOrder.rank("rest:a", 1, 42));
  }

  @Test
  void aTopicPositionRanksAboveAClockVersionHeldFromBefore() {
    long clockVersionOfTheYear9999 =
        Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() * 1_000_000L;

    assertThat(SessionOrder.rank("rest:a", 1, 0)).isGreaterThan(clockVersionOfTheYear9999);
  }

  @Test
  void aTopicOrderedChangeNeedsItsOffset() {
    assertThatThrownBy(() -> SessionOrder.rank("rest:a", 1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
