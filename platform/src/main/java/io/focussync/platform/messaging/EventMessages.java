package io.focussync.platform.messaging;

import io.focussync.contracts.CloudEventHeaders;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.FocusSyncEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Turns events into Kafka-bound messages and back: JSON payload, userId as the key, the logical
 * type and the other CloudEvents attributes in headers.
 */
public final class EventMessages {

  private EventMessages() {}

  /** A message for the event from the named source service, keyed by the event's user. */
  public static Message<byte[]> toMessage(FocusSyncEvent event, String source) {
    return MessageBuilder.withPayload(EventCodec.toJson(event))
        .setHeader(KafkaHeaders.KEY, event.userId().getBytes(StandardCharsets.UTF_8))
        .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
        .setHeader(CloudEventHeaders.ID, UUID.randomUUID().toString())
        .setHeader(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE)
        .setHeader(CloudEventHeaders.TYPE, EventTypes.typeOf(event))
        .setHeader(CloudEventHeaders.SOURCE, "/focussync/" + source)
        .setHeader(CloudEventHeaders.TIME, Instant.now().toString())
        .setHeader(CloudEventHeaders.SUBJECT, event.subject())
        .build();
  }

  /** The event a message carries, read by its logical type header. */
  public static FocusSyncEvent fromMessage(Message<byte[]> message) {
    Object type = message.getHeaders().get(CloudEventHeaders.TYPE);
    String typeName =
        type instanceof byte[] bytes
            ? new String(bytes, StandardCharsets.UTF_8)
            : String.valueOf(type);
    return EventCodec.fromJson(typeName, message.getPayload());
  }
}
