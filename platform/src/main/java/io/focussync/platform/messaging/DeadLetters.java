package io.focussync.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * Sends a record that cannot be processed to its dead-letter topic ({@code <topic>.<group>.dlq}),
 * unchanged, with the reason in {@code x-exception-message} / {@code x-exception-fqcn} and where it
 * came from in {@code x-original-topic/-partition/-offset}, through the {@link EventPublisher}: the
 * send is acknowledged before the record's offset is committed. The topic is created (if no one has
 * yet) before the first dead letter goes to it.
 */
final class DeadLetters implements ConsumerRecordRecoverer {

  private final EventPublisher publisher;
  private final Consumer<String> topicCreator;
  private final String topic;
  private final List<Class<? extends Exception>> verdicts;
  private volatile boolean topicCreated;

  /**
   * @param topicCreator creates a topic that does not exist yet
   * @param verdicts the exceptions that say a record can never be processed: the first of these in
   *     a failure's causes is its reason (else the deepest cause)
   */
  DeadLetters(
      EventPublisher publisher,
      Consumer<String> topicCreator,
      String sourceTopic,
      String group,
      List<Class<? extends Exception>> verdicts) {
    this.publisher = publisher;
    this.topicCreator = topicCreator;
    this.topic = sourceTopic + "." + group + ".dlq";
    this.verdicts = List.copyOf(verdicts);
  }

  @Override
  public void accept(ConsumerRecord<?, ?> record, Exception failure) {
    Throwable reason = reasonOf(failure);
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      headers.add(header);
    }
    headers
        .add("x-exception-message", bytes(String.valueOf(reason.getMessage())))
        .add("x-exception-fqcn", bytes(reason.getClass().getName()))
        .add("x-original-topic", bytes(record.topic()))
        .add("x-original-partition", bytes(String.valueOf(record.partition())))
        .add("x-original-offset", bytes(String.valueOf(record.offset())));
    if (!topicCreated) {
      topicCreator.accept(topic);
      topicCreated = true;
    }
    publisher.send(
        new ProducerRecord<>(
            topic, null, null, bytesOf(record.key()), payloadOf(record.value()), headers));
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

  private static byte[] payloadOf(Object value) {
    byte[] bytes = bytesOf(value);
    return bytes == null ? new byte[0] : bytes;
  }

  /** The consumers read keys and values as bytes; anything else is kept as its text. */
  private static byte[] bytesOf(Object value) {
    if (value == null || value instanceof byte[]) {
      return (byte[]) value;
    }
    return bytes(value.toString());
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
