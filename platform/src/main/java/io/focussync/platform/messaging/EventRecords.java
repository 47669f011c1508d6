package io.focussync.platform.messaging;

import io.focussync.contracts.CloudEventHeaders;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.util.MimeTypeUtils;

/**
 * The Kafka record of an event, built directly: the same key, value and headers as Spring's {@code
 * MessagingMessageConverter} makes of a spring-messaging message of the event (CloudEvents headers,
 * {@code contentType} and the {@code spring_json_header_types} map that tells Spring consumers the
 * headers are strings), without building two messages and mapping their headers through JSON for
 * every event (measured on tracker-ingest's batch requests). {@code EventRecordsTest} holds the two
 * equal.
 */
public final class EventRecords {

  /** The headers in the order Spring's mapper writes them; all are strings. */
  private static final String[] HEADER_ORDER = {
    CloudEventHeaders.TYPE,
    CloudEventHeaders.SOURCE,
    CloudEventHeaders.SPEC_VERSION,
    CloudEventHeaders.TIME,
    CloudEventHeaders.ID,
    "contentType",
    CloudEventHeaders.SUBJECT
  };

  static final String JSON_HEADER_TYPES = "spring_json_header_types";

  private static final byte[] SPEC_VERSION =
      CloudEventHeaders.SPEC_VERSION_VALUE.getBytes(StandardCharsets.UTF_8);
  private static final byte[] CONTENT_TYPE =
      MimeTypeUtils.APPLICATION_JSON_VALUE.getBytes(StandardCharsets.UTF_8);
  private static final byte[] RECORDED_TYPE =
      EventTypes.SESSION_RECORDED.getBytes(StandardCharsets.UTF_8);
  private static final byte[] DELETED_TYPE =
      EventTypes.SESSION_DELETED.getBytes(StandardCharsets.UTF_8);

  /** The types map when every header is present (always, for session events). */
  private static final byte[] ALL_HEADER_TYPES = headerTypes(HEADER_ORDER.length);

  private final byte[] source;

  /** Records from the named source service ({@code ce_source} {@code /focussync/<service>}). */
  public EventRecords(String sourceService) {
    this.source = ("/focussync/" + sourceService).getBytes(StandardCharsets.UTF_8);
  }

  /** The record of an event for the topic, keyed by its user. */
  public ProducerRecord<byte[], byte[]> record(String topic, FocusSyncEvent event) {
    byte[][] values = {
      type(event),
      source,
      SPEC_VERSION,
      utf8(isoInstant(Instant.now())),
      utf8(UUID.randomUUID().toString()),
      CONTENT_TYPE,
      event.subject() == null ? null : utf8(event.subject())
    };
    RecordHeaders headers = new RecordHeaders();
    int present = 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        headers.add(new RecordHeader(HEADER_ORDER[i], values[i]));
        present++;
      }
    }
    headers.add(
        new RecordHeader(
            JSON_HEADER_TYPES, present == values.length ? ALL_HEADER_TYPES : headerTypes(values)));
    return new ProducerRecord<>(
        topic, null, null, utf8(event.userId()), EventCodec.toJson(event), headers);
  }

  /**
   * {@link Instant#toString()} (ISO-8601, UTC, a fraction of 0, 3, 6 or 9 digits), with the part up
   * to the second formatted once per second rather than for every record (a batch request's records
   * share their second). {@code EventRecordsTest} checks it equals {@code toString}.
   */
  static String isoInstant(Instant instant) {
    long second = instant.getEpochSecond();
    if (second < 0 || second >= YEAR_10000) { // '+' years and the like: leave them to the JDK
      return instant.toString();
    }
    SecondText cached = lastSecond;
    if (cached == null || cached.second() != second) {
      String text = Instant.ofEpochSecond(second).toString(); // "yyyy-MM-ddTHH:mm:ssZ"
      cached = new SecondText(second, text.substring(0, text.length() - 1));
      lastSecond = cached;
    }
    StringBuilder text = new StringBuilder(32).append(cached.text());
    int nano = instant.getNano();
    if (nano != 0) {
      int value;
      int digits;
      if (nano % 1_000_000 == 0) {
        value = nano / 1_000_000;
        digits = 3;
      } else if (nano % 1_000 == 0) {
        value = nano / 1_000;
        digits = 6;
      } else {
        value = nano;
        digits = 9;
      }
      String number = Integer.toString(value);
      text.append('.');
      for (int i = number.length(); i < digits; i++) {
        text.append('0');
      }
      text.append(number);
    }
    return text.append('Z').toString();
  }

  private static final long YEAR_10000 = 253_402_300_800L;

  /** The text of one second, shared by the threads (a stale one is only recomputed). */
  private static volatile SecondText lastSecond;

  private record SecondText(long second, String text) {}

  private static byte[] type(FocusSyncEvent event) {
    if (event instanceof SessionRecorded) {
      return RECORDED_TYPE;
    }
    if (event instanceof SessionDeleted) {
      return DELETED_TYPE;
    }
    return utf8(EventTypes.typeOf(event));
  }

  private static byte[] headerTypes(int count) {
    byte[][] all = new byte[count][];
    java.util.Arrays.fill(all, new byte[0]);
    return headerTypes(all);
  }

  private static byte[] headerTypes(byte[][] values) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        json.append(json.length() == 1 ? "" : ",")
            .append('"')
            .append(HEADER_ORDER[i])
            .append("\":\"java.lang.String\"");
      }
    }
    return utf8(json.append('}').toString());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
