package io.focussync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dead-letter replay against a real broker: records as the services' dead-lettering writes them
 * go back to their original topic, once.
 */
class DeadLetterReplayTest {

  static final String ORIGINAL = "focussync.sessions.v1";
  static final String DLQ = ORIGINAL + ".allocator.dlq";

  @TempDir static Path dataDir;
  static KraftBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KraftBroker.start(dataDir.resolve("kafka"), 0);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(new NewTopic(ORIGINAL, 4, (short) 1), new NewTopic(DLQ, 4, (short) 1)))
          .all()
          .get();
    }
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void deadLettersGoBackToTheirTopicWithKeyValueAndHeadersOnceAndAReplayResumesWhereTheLastStopped()
      throws Exception {
    for (int i = 0; i < 5; i++) {
      deadLetter("user-" + i, "{\"n\":" + i + "}", i % 4, 100 + i);
    }
    deadLetterWithoutOrigin("user-x");

    runReplay();
    List<ConsumerRecord<byte[], byte[]>> first = readAll(ORIGINAL);
    runReplay();
    List<ConsumerRecord<byte[], byte[]>> afterSecondRun = readAll(ORIGINAL);
    deadLetter("user-late", "{\"n\":\"late\"}", 1, 7);
    DeadLetterReplay.Result third = DeadLetterReplay.replay(broker.bootstrapServers(), DLQ);
    List<ConsumerRecord<byte[], byte[]>> afterThirdRun = readAll(ORIGINAL);

    assertThat(first).hasSize(5);
    for (ConsumerRecord<byte[], byte[]> record : first) {
      String key = text(record.key());
      String n = key.substring("user-".length());
      assertThat(text(record.value())).isEqualTo("{\"n\":" + n + "}");
      assertThat(headers(record))
          .containsExactly(
              Map.entry("ce_type", "focussync.session.recorded.v1"),
              Map.entry("ce_id", "id-" + key),
              Map.entry("contentType", "application/octet-stream"),
              Map.entry("x-original-topic", ORIGINAL),
              Map.entry("x-original-partition", String.valueOf(Integer.parseInt(n) % 4)),
              Map.entry("x-original-offset", String.valueOf(100 + Integer.parseInt(n))));
    }
    assertThat(afterSecondRun).hasSize(5);
    assertThat(third).isEqualTo(new DeadLetterReplay.Result(1, 0));
    assertThat(afterThirdRun).hasSize(6);
    assertThat(afterThirdRun).extracting(r -> text(r.key())).contains("user-late");
  }

  private static void runReplay() throws Exception {
    DeadLetterReplay.main(new String[] {DLQ, "--bootstrap", broker.bootstrapServers()});
  }

  /** A record as DeadLetters writes it: the original headers, then the reason and the origin. */
  private static void deadLetter(String key, String value, int partition, long offset)
      throws Exception {
    RecordHeaders headers = original(key);
    headers.add("x-exception-message", bytes("store down"));
    headers.add("x-exception-fqcn", bytes("com.mongodb.MongoTimeoutException"));
    headers.add("x-original-topic", bytes(ORIGINAL));
    headers.add("x-original-partition", bytes(String.valueOf(partition)));
    headers.add("x-original-offset", bytes(String.valueOf(offset)));
    send(new ProducerRecord<>(DLQ, partition, bytes(key), bytes(value), headers));
  }

  private static void deadLetterWithoutOrigin(String key) throws Exception {
    send(new ProducerRecord<>(DLQ, 0, bytes(key), bytes("{}"), original(key)));
  }

  private static RecordHeaders original(String key) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_type", bytes("focussync.session.recorded.v1"));
    headers.add("ce_id", bytes("id-" + key));
    headers.add("contentType", bytes("application/octet-stream"));
    return headers;
  }

  private static void send(ProducerRecord<byte[], byte[]> record) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", broker.bootstrapServers());
    props.put("key.serializer", ByteArraySerializer.class.getName());
    props.put("value.serializer", ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      producer.send(record).get();
    }
  }

  /** Everything on the topic now (its end offsets as of the call). */
  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    Properties props = new Properties();
    props.put("bootstrap.servers", broker.bootstrapServers());
    props.put("key.deserializer", ByteArrayDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), text(header.value()));
    }
    return headers;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
