package io.focussync.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.focussync.contracts.CloudEventHeaders;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class EventMessagesTest {

  private final SessionDeleted event =
      new SessionDeleted("u-1", "rest:1", "rest", 7, Instant.parse("2026-11-20T10:00:00Z"));

  @ParameterizedTest
  @ValueSource(strings = {"ce_type", "ce-type", "ce.type"})
  void theTypeIsReadInEverySpellingAndAsBytes(String header) {
    Message<byte[]> message =
        MessageBuilder.withPayload(EventCodec.toJson(event))
            .setHeader(header, EventTypes.SESSION_DELETED.getBytes(StandardCharsets.UTF_8))
            .build();

    assertThat(EventMessages.fromMessage(message)).isEqualTo(event);
  }

  @Test
  void aMessageWithoutTypeIsUnreadable() {
    Message<byte[]> message = MessageBuilder.withPayload(EventCodec.toJson(event)).build();

    assertThatThrownBy(() -> EventMessages.fromMessage(message))
        .isInstanceOf(EventCodec.UnreadableEventException.class);
  }

  @Test
  void aBatchSplitsIntoRecordsEachWithItsOwnHeaders() {
    SessionDeleted other = new SessionDeleted("u-2", "rest:2", "rest", 8, event.deletedAt());
    Message<List<byte[]>> batch =
        MessageBuilder.withPayload(List.of(EventCodec.toJson(event), EventCodec.toJson(other)))
            .setHeader(
                KafkaHeaders.BATCH_CONVERTED_HEADERS,
                List.of(
                    Map.of(CloudEventHeaders.TYPE, EventTypes.SESSION_DELETED.getBytes()),
                    Map.of(CloudEventHeaders.TYPE, "unknown.type")))
            .build();

    List<Message<byte[]>> records = EventMessages.split(batch);

    assertThat(records).hasSize(2);
    assertThat(EventMessages.fromMessage(records.get(0))).isEqualTo(event);
    assertThat(EventMessages.typeOf(records.get(1))).isEqualTo("unknown.type");
    assertThatThrownBy(() -> EventMessages.fromMessage(records.get(1)))
        .isInstanceOf(EventCodec.UnreadableEventException.class);
  }
}
