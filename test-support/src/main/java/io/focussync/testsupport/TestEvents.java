package io.focussync.testsupport;

import io.focussync.contracts.CloudEventHeaders;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.FocusSyncEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Events on the test broker as the services' publisher writes and reads them: the JSON payload
 * keyed by the user, with the CloudEvents headers ({@code ce_type}, {@code ce_id}, ...).
 */
public final class TestEvents {

  /** The {@code ce_source} of what tests publish. */
  public static final String SOURCE = "/focussync/test";

  private TestEvents() {}

  /** The CloudEvents headers of a record of the given type (a fresh id, now as its time). */
  public static Map<String, String> headers(String type) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(CloudEventHeaders.TYPE, type);
    headers.put(CloudEventHeaders.ID, UUID.randomUUID().toString());
    headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
    headers.put(CloudEventHeaders.SOURCE, SOURCE);
    headers.put(CloudEventHeaders.TIME, Instant.now().toString());
    return headers;
  }

  /** The CloudEvents headers of the event's record, its subject included. */
  public static Map<String, String> headers(FocusSyncEvent event) {
    Map<String, String> headers = headers(EventTypes.typeOf(event));
    if (event.subject() != null) {
      headers.put(CloudEventHeaders.SUBJECT, event.subject());
    }
    return headers;
  }

  /** Adds the CloudEvents headers of a record of the given type to a record's own headers. */
  public static Headers addHeaders(Headers headers, String type) {
    headers(type)
        .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
    return headers;
  }

  /** Publishes the event to the topic, keyed by its user, and waits for the acknowledgement. */
  public static void send(String topic, FocusSyncEvent event) {
    TestTopics.send(topic, event.userId(), EventCodec.toJson(event), headers(event));
  }

  /** Publishes a payload (valid or not) with the headers of the given type. */
  public static void send(String topic, String key, String type, byte[] payload) {
    TestTopics.send(topic, key, payload, headers(type));
  }

  /** The event a consumed record carries, read by its {@code ce_type}. */
  public static FocusSyncEvent read(ConsumerRecord<String, byte[]> record) {
    return EventCodec.fromJson(TestTopics.header(record, CloudEventHeaders.TYPE), record.value());
  }
}
