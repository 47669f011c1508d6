package io.focussync.allocator.it;

import io.focussync.contracts.EventCodec;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.testsupport.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Reads a topic from its start in the background for the whole test JVM. */
final class PlanCollector {

  private static final java.util.Map<String, PlanCollector> BY_TOPIC =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Queue<ConsumerRecord<String, byte[]>> records = new ConcurrentLinkedQueue<>();

  private PlanCollector(String topic) {
    Thread thread =
        new Thread(
            () -> {
              try (KafkaConsumer<String, byte[]> consumer = TestTopics.consumerFromStart(topic)) {
                while (true) {
                  consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                }
              }
            },
            "collector-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  static PlanCollector of(String topic) {
    return BY_TOPIC.computeIfAbsent(topic, PlanCollector::new);
  }

  List<ConsumerRecord<String, byte[]>> records(String key) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      if (key.equals(r.key())) {
        found.add(r);
      }
    }
    return found;
  }

  List<DayPlanned> plans(String userId) {
    List<DayPlanned> plans = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records(userId)) {
      plans.add(EventCodec.fromJson(DayPlanned.class, r.value()));
    }
    return plans;
  }
}
