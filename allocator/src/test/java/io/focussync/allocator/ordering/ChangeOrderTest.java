package io.focussync.allocator.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChangeOrderTest {

  private static final long NOW = Instant.parse("2026-11-20T12:00:00Z").toEpochMilli() * 1000;
  private static final long MINUTES_BEHIND = NOW - 7 * 60 * 1_000_000L;

  @Test
  void aDeleteAfterAPutWinsThoughItsReplicasClockIsMinutesBehind() {
    long put = ChangeOrder.versionOf("rest:s", NOW, 100);
    long delete = ChangeOrder.versionOf("rest:s", MINUTES_BEHIND, 101);

    assertThat(ChangeOrder.replaces(delete, put)).isTrue();
    assertThat(ChangeOrder.replaces(put, delete)).isFalse();
  }

  @Test
  void importedSessionsFollowTheTopicToo() {
    long first = ChangeOrder.versionOf("import:s", NOW, 5);
    long second = ChangeOrder.versionOf("import:s", MINUTES_BEHIND, 6);

    assertThat(ChangeOrder.replaces(second, first)).isTrue();
  }

  @Test
  void anOlderNotionVersionPublishedLaterIsIgnored() {
    long newer = ChangeOrder.versionOf("notion:p", NOW, 100);
    long older = ChangeOrder.versionOf("notion:p", NOW - 1, 101);

    assertThat(newer).isEqualTo(NOW);
    assertThat(ChangeOrder.replaces(older, newer)).isFalse();
    assertThat(ChangeOrder.replaces(newer, older)).isTrue();
  }

  @Test
  void replayingTheSameRecordsChangesNothing() {
    long held = ChangeOrder.versionOf("rest:s", MINUTES_BEHIND, 101);

    assertThat(ChangeOrder.replaces(ChangeOrder.versionOf("rest:s", NOW, 100), held)).isFalse();
    assertThat(ChangeOrder.replaces(ChangeOrder.versionOf("rest:s", MINUTES_BEHIND, 101), held))
        .isFalse();
    assertThat(ChangeOrder.replaces(ChangeOrder.versionOf("notion:p", NOW, 7), NOW)).isFalse();
  }

  @Test
  void aSessionHeldAtAClockVersionFromBeforeTakesItsNextChangeOnTheTopic() {
    long heldAtTheClockOfAnOldRelease = NOW;

    assertThat(
            ChangeOrder.replaces(
                ChangeOrder.versionOf("rest:s", MINUTES_BEHIND, 0), heldAtTheClockOfAnOldRelease))
        .isTrue();
  }
}
