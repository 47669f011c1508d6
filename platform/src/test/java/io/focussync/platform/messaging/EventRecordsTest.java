package io.focussync.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.contracts.CloudEventHeaders;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.Topics;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.contracts.syncresults.v1.DaySynced;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.MessagingMessageConverter;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * The records built directly are the ones Spring's converter makes of a spring-messaging message of
 * the event (as the services published through Spring before): same topic, key, value and headers
 * in the same order, only the per-record {@code ce_id} and {@code ce_time} differ.
 */
class EventRecordsTest {

  private static final String SOURCE = "tracker-ingest";

  private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

  private final EventRecords records = new EventRecords(SOURCE);

  @Test
  void aRecordedSessionIsTheRecordSpringWouldMake() {
    assertSameAsSpring(
        new SessionRecorded(
            "user-1",
            "rest:abc",
            "rest",
            "abc",
            17,
            "project ü",
            AT,
            AT.plusSeconds(3600),
            null,
            "Deep work",
            List.of("focus", "ü"),
            Map.of("timeZone", "Europe/Berlin"),
            AT.plusSeconds(7200)));
  }

  @Test
  void aSessionWithTrackedTimeCarriesItInTheRecord() {
    SessionRecorded event =
        new SessionRecorded(
            "user-1",
            "rest:claude",
            "rest",
            "claude",
            19,
            "focus-sync",
            AT,
            AT.plusSeconds(3600),
            1800L,
            null,
            List.of(),
            Map.of(),
            AT.plusSeconds(3601));

    assertSameAsSpring(event);
    assertThat(new String(records.record(Topics.SESSIONS, event).value(), StandardCharsets.UTF_8))
        .contains("\"trackedSeconds\":1800");
  }

  @Test
  void aDeletedSessionIsTheRecordSpringWouldMake() {
    assertSameAsSpring(new SessionDeleted("user-2", "import:x", "import", 18, AT));
  }

  @Test
  void everyRecordHasItsOwnIdAndTime() {
    SessionDeleted event = new SessionDeleted("user-2", "rest:x", "rest", 18, AT);
    String first = header(records.record(Topics.SESSIONS, event), CloudEventHeaders.ID);
    String second = header(records.record(Topics.SESSIONS, event), CloudEventHeaders.ID);

    assertThat(UUID.fromString(first)).isNotEqualTo(UUID.fromString(second));
    assertThat(
            Instant.parse(header(records.record(Topics.SESSIONS, event), CloudEventHeaders.TIME)))
        .isAfter(AT);
  }

  @Test
  void theEventTimeIsWrittenAsInstantToStringWrites() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<Instant> instants =
        new ArrayList<>(
            List.of(
                Instant.EPOCH,
                Instant.parse("1969-12-31T23:59:59.999Z"),
                Instant.parse("2026-11-22T16:00:00Z"),
                Instant.parse("2026-11-22T16:00:00.100Z"),
                Instant.parse("2026-11-22T16:00:00.000100Z"),
                Instant.parse("2026-11-22T16:00:00.000000100Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.now()));
    for (int i = 0; i < 20_000; i++) {
      long second =
          random.nextInt(3) == 0
              ? random.nextLong() % 400_000_000_000L
              : 1_790_000_000L + random.nextInt(1000);
      int nano =
          switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      instants.add(Instant.ofEpochSecond(second, nano));
    }
    for (Instant instant : instants) {
      assertThat(EventRecords.isoInstant(instant))
          .as("seed %d", seed)
          .isEqualTo(instant.toString());
    }
  }

  private void assertSameAsSpring(FocusSyncEvent event) {
    assertSameAsSpring(Topics.SESSIONS, event);
  }

  private void assertSameAsSpring(String topic, FocusSyncEvent event) {
    ProducerRecord<?, ?> spring =
        new MessagingMessageConverter()
            .fromMessage(
                springMessage(event).setHeader(KafkaHeaders.TOPIC, topic).build(),
                "unused-default-topic");

    ProducerRecord<byte[], byte[]> direct = records.record(topic, event);

    assertThat(direct.topic()).isEqualTo(spring.topic()).isEqualTo(topic);
    assertThat(direct.partition()).isEqualTo(spring.partition()).isNull();
    assertThat(direct.timestamp()).isEqualTo(spring.timestamp());
    assertThat(direct.key()).isEqualTo((byte[]) spring.key());
    assertThat(direct.value())
        .isEqualTo((byte[]) spring.value())
        .isEqualTo(EventCodec.toJson(event));
    assertThat(comparable(direct.headers())).isEqualTo(comparable(spring.headers()));
  }

  /** The message of an event as the services built it for Spring's binder. */
  private static MessageBuilder<byte[]> springMessage(FocusSyncEvent event) {
    return MessageBuilder.withPayload(EventCodec.toJson(event))
        .setHeader(KafkaHeaders.KEY, event.userId().getBytes(StandardCharsets.UTF_8))
        .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
        .setHeader(CloudEventHeaders.ID, UUID.randomUUID().toString())
        .setHeader(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE)
        .setHeader(CloudEventHeaders.TYPE, EventTypes.typeOf(event))
        .setHeader(CloudEventHeaders.SOURCE, "/focussync/" + SOURCE)
        .setHeader(CloudEventHeaders.TIME, Instant.now().toString())
        .setHeader(CloudEventHeaders.SUBJECT, event.subject());
  }

  @Test
  void anEventOfAnotherTopicIsTheRecordSpringWouldMake() {
    assertSameAsSpring(
        Topics.SYNC_RESULTS,
        new DaySynced(
            "user-3", java.time.LocalDate.parse("2026-11-20"), 4, false, List.of(), 0, 0, 0, AT));
  }

  /** Name and value of each header in order, with the per-record id and time blanked. */
  private static List<String> comparable(Iterable<Header> headers) {
    List<String> list = new ArrayList<>();
    for (Header header : headers) {
      String value = new String(header.value(), StandardCharsets.UTF_8);
      if (header.key().equals(CloudEventHeaders.ID)
          || header.key().equals(CloudEventHeaders.TIME)) {
        value = "<per record>";
      }
      list.add(header.key() + "=" + value);
    }
    return list;
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
