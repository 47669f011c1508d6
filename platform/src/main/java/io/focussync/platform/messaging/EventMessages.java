package io.focussync.platform.messaging;

import io.focussync.contracts.EventCodec;
import io.focussync.contracts.FocusSyncEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Reads events from consumed messages (JSON payload, the logical type and the other CloudEvents
 * attributes in headers, as {@link EventRecords} writes them), one by one or split from a batch.
 */
public final class EventMessages {

  private static final List<String> TYPE_HEADER_SPELLINGS =
      List.of(io.focussync.contracts.CloudEventHeaders.TYPE, "ce-type", "ce.type");

  private EventMessages() {}

  /**
   * The event a message carries, read by its logical type header. Spring Cloud Function renames
   * CloudEvents headers on the way in ({@code ce_type} arrives as {@code ce-type}), so every
   * spelling is accepted.
   */
  public static FocusSyncEvent fromMessage(Message<byte[]> message) {
    return EventCodec.fromJson(typeOf(message), message.getPayload());
  }

  /**
   * The records of a batch-mode message, each as a message with its own headers (the binder puts
   * every record's headers in {@code kafka_batchConvertedHeaders}, in payload order).
   */
  public static List<Message<byte[]>> split(Message<List<byte[]>> batch) {
    List<byte[]> payloads = batch.getPayload();
    List<?> headers = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
    List<Message<byte[]>> records = new ArrayList<>(payloads.size());
    for (int i = 0; i < payloads.size(); i++) {
      MessageBuilder<byte[]> record = MessageBuilder.withPayload(payloads.get(i));
      if (headers != null && i < headers.size() && headers.get(i) instanceof Map<?, ?> map) {
        map.forEach((name, value) -> record.setHeader(String.valueOf(name), value));
      }
      records.add(record.build());
    }
    return records;
  }

  /** The logical type header of a message in any of its spellings, or null. */
  public static String typeOf(Message<?> message) {
    for (String name : TYPE_HEADER_SPELLINGS) {
      Object type = message.getHeaders().get(name);
      if (type != null) {
        return type instanceof byte[] bytes
            ? new String(bytes, StandardCharsets.UTF_8)
            : type.toString();
      }
    }
    return null;
  }
}
