package io.focussync.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients on the test broker: to publish input and to read what a service emitted. */
public final class TestTopics {

  private TestTopics() {}

  /** Sends one record, keyed, with string headers, and waits for the broker's acknowledgement. */
  public static void send(String topic, String key, byte[] value, Map<String, String> headers) {
    Properties props = new Properties();
    props.put("bootstrap.servers", TestInfrastructure.get().kafkaBootstrap());
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", ByteArraySerializer.class.getName());
    props.put("acks", "all");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
      headers.forEach(
          (name, text) -> record.headers().add(new RecordHeader(name, text.getBytes())));
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not send to " + topic, e);
    }
  }

  /** A consumer from the earliest offset of a topic, with a group of its own. */
  public static KafkaConsumer<String, byte[]> consumerFromStart(String topic) {
    Properties props = new Properties();
    props.put("bootstrap.servers", TestInfrastructure.get().kafkaBootstrap());
    props.put("group.id", "test-" + UUID.randomUUID());
    props.put("auto.offset.reset", "earliest");
    props.put("isolation.level", "read_committed");
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(topic));
    return consumer;
  }

  /** Every record of the topic so far that matches, read until the topic has been idle a while. */
  public static List<ConsumerRecord<String, byte[]>> readAll(
      String topic, Predicate<ConsumerRecord<String, byte[]>> filter, Duration idle) {
    List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumerFromStart(topic)) {
      int emptyPolls = 0;
      long pollMillis = 200;
      while (emptyPolls * pollMillis < idle.toMillis()) {
        var records = consumer.poll(Duration.ofMillis(pollMillis));
        if (records.isEmpty()) {
          emptyPolls++;
        } else {
          emptyPolls = 0;
          records.forEach(
              record -> {
                if (filter.test(record)) {
                  matching.add(record);
                }
              });
        }
      }
    }
    return matching;
  }

  /** A header's text value, or null. */
  public static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value());
  }
}
