package io.focussync.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends a record that cannot be processed to its dead-letter topic ({@code <topic>.<group>.dlq}),
 * unchanged, with the reason in {@code x-exception-message} / {@code x-exception-fqcn} and where it
 * came from in {@code x-original-topic/-partition/-offset}. The send is acknowledged before the
 * record's offset is committed (producer bindings are synchronous).
 */
final class DeadLetters implements ConsumerRecordRecoverer {

  private final StreamBridge bridge;
  private final String topic;
  private final List<Class<? extends Exception>> verdicts;

  /**
   * @param verdicts the exceptions that say a record can never be processed: the first of these in
   *     a failure's causes is its reason (else the deepest cause)
   */
  DeadLetters(
      StreamBridge bridge,
      String sourceTopic,
      String group,
      List<Class<? extends Exception>> verdicts) {
    this.bridge = bridge;
    this.topic = sourceTopic + "." + group + ".dlq";
    this.verdicts = List.copyOf(verdicts);
  }

  @Override
  public void accept(ConsumerRecord<?, ?> record, Exception failure) {
    Throwable reason = reasonOf(failure);
    MessageBuilder<Object> message = MessageBuilder.withPayload(payloadOf(record));
    for (Header header : record.headers()) {
      message.setHeader(header.key(), header.value());
    }
    if (record.key() != null) {
      message.setHeader(KafkaHeaders.KEY, record.key());
    }
    message
        .setHeader("x-exception-message", bytes(String.valueOf(reason.getMessage())))
        .setHeader("x-exception-fqcn", bytes(reason.getClass().getName()))
        .setHeader("x-original-topic", bytes(record.topic()))
        .setHeader("x-original-partition", bytes(String.valueOf(record.partition())))
        .setHeader("x-original-offset", bytes(String.valueOf(record.offset())));
    if (!bridge.send(topic, message.build())) {
      throw new IllegalStateException("the dead-letter topic " + topic + " did not take a record");
    }
  }

  /** The verdict if there is one, else the deepest cause. */
  Throwable reasonOf(Throwable failure) {
    Throwable deepest = failure;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      for (Class<? extends Exception> verdict : verdicts) {
        if (verdict.isInstance(t)) {
          return t;
        }
      }
      deepest = t;
    }
    return deepest;
  }

  private static Object payloadOf(ConsumerRecord<?, ?> record) {
    return record.value() == null ? new byte[0] : record.value();
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
