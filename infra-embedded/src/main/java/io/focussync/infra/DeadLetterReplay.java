package io.focussync.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-publishes the records of a dead-letter topic ({@code <topic>.<group>.dlq}) to the topic each
 * came from ({@code x-original-topic}), with its key, value and headers but without the {@code
 * x-exception-*} headers the dead-lettering added. The {@code x-original-*} headers stay: a
 * consumer that orders records by their position (the allocator, for tracker-ingest's sessions)
 * places a replayed record where it first stood, not at the end. It reads from where the previous
 * replay of that topic stopped (consumer group {@value #GROUP}), commits only what the broker
 * acknowledged, and stops at the end the topic had when it started.
 *
 * <p>{@code deploy/local/focussync replay-dlq <dlq-topic> [--bootstrap host:port]}
 */
public final class DeadLetterReplay {

  /** The consumer group whose committed offsets say how far earlier replays got. */
  public static final String GROUP = "focussync-dlq-replay";

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration WAIT_FOR_TOPIC = Duration.ofSeconds(30);

  /** What one replay did: records re-published, records skipped for lack of an origin. */
  public record Result(long replayed, long skipped) {}

  private DeadLetterReplay() {}

  /** {@code <dlq-topic> [--bootstrap host:port]}; the bootstrap defaults to the local stack's. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1 && !(args.length == 3 && "--bootstrap".equals(args[1]))) {
      System.err.println("usage: DeadLetterReplay <dlq-topic> [--bootstrap host:port]");
      System.exit(2);
    }
    String bootstrap = args.length == 3 ? args[2] : defaultBootstrap();
    Result result = replay(bootstrap, args[0]);
    System.out.printf(
        "re-published %d record(s) of %s to their original topics (%d without x-original-topic"
            + " skipped)%n",
        result.replayed(), args[0], result.skipped());
  }

  /** Replays the dead-letter topic once, up to its end as of now. */
  public static Result replay(String bootstrap, String dlqTopic)
      throws InterruptedException, ExecutionException {
    try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(consumerProperties(bootstrap));
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(producerProperties(bootstrap))) {
      List<TopicPartition> partitions = partitionsOf(consumer, dlqTopic);
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
      long replayed = 0;
      long skipped = 0;
      while (!reachedEnd(consumer, end)) {
        List<Future<?>> acks = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> dead : consumer.poll(POLL)) {
          TopicPartition from = new TopicPartition(dead.topic(), dead.partition());
          if (dead.offset() >= end.get(from)) {
            continue; // dead-lettered after this replay began: the next replay's
          }
          ProducerRecord<byte[], byte[]> again = republished(dead);
          if (again == null) {
            System.err.printf("skipped %s@%d: no x-original-topic%n", from, dead.offset());
            skipped++;
          } else {
            acks.add(producer.send(again));
            replayed++;
          }
          done.put(from, new OffsetAndMetadata(dead.offset() + 1));
        }
        for (Future<?> ack : acks) {
          ack.get();
        }
        if (!done.isEmpty()) {
          consumer.commitSync(done);
        }
      }
      return new Result(replayed, skipped);
    }
  }

  /** The record as it was on its original topic, or null if it does not say where that was. */
  static ProducerRecord<byte[], byte[]> republished(ConsumerRecord<byte[], byte[]> dead) {
    Header origin = dead.headers().lastHeader("x-original-topic");
    if (origin == null) {
      return null;
    }
    RecordHeaders headers = new RecordHeaders();
    for (Header header : dead.headers()) {
      if (!header.key().startsWith("x-exception-")) {
        headers.add(header);
      }
    }
    String topic = new String(origin.value(), StandardCharsets.UTF_8);
    return new ProducerRecord<>(topic, null, dead.key(), dead.value(), headers);
  }

  private static List<TopicPartition> partitionsOf(
      KafkaConsumer<byte[], byte[]> consumer, String topic) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, WAIT_FOR_TOPIC);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalArgumentException("no topic " + topic);
    }
    return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
  }

  private static boolean reachedEnd(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      if (consumer.position(partition.getKey()) < partition.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static String defaultBootstrap() {
    String bootstrap = System.getenv("FOCUSSYNC_KAFKA_BOOTSTRAP");
    if (bootstrap != null && !bootstrap.isBlank()) {
      return bootstrap;
    }
    String port = System.getenv("FOCUSSYNC_KAFKA_PORT");
    return "127.0.0.1:" + (port == null || port.isBlank() ? "9092" : port);
  }

  private static Properties consumerProperties(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // dead letters are written by acknowledged, idempotent (not transactional) sends
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return props;
  }

  private static Properties producerProperties(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return props;
  }
}
