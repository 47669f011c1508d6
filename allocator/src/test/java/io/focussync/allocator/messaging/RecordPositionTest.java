package io.focussync.allocator.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** Where a session change stands among its user's changes: its offset, or a replay's first one. */
class RecordPositionTest {

  private static Message<byte[]> record(String originalOffset) {
    MessageBuilder<byte[]> builder = MessageBuilder.withPayload(new byte[0]);
    if (originalOffset != null) {
      builder.setHeader("x-original-offset", originalOffset.getBytes(StandardCharsets.UTF_8));
    }
    return builder.build();
  }

  @Test
  void aRecordStandsAtItsOffset() {
    assertThat(AllocatorBindings.positionOf(record(null), List.of(40L, 41L), 1)).isEqualTo(41L);
  }

  @Test
  void aReplayedDeadLetterStandsWhereItFirstStood() {
    assertThat(AllocatorBindings.positionOf(record("7"), List.of(900L), 0)).isEqualTo(7L);
  }

  @Test
  void anUnreadableOriginalOffsetFallsBackToTheRecordsOwn() {
    assertThat(AllocatorBindings.positionOf(record("x"), List.of(900L), 0)).isEqualTo(900L);
  }

  @Test
  void aBatchWithoutOffsetsIsAFaultOfTheSetupNotPoison() {
    assertThatThrownBy(() -> AllocatorBindings.positionOf(record(null), null, 0))
        .isInstanceOf(IllegalStateException.class);
  }
}
