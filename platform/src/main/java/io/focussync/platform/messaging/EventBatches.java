package io.focussync.platform.messaging;

import java.util.List;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;

/**
 * Every batch consumer's walk through a poll's records, which stops at the first record that can
 * never be processed: the records before it are kept ({@code flush} applies what the steps
 * collected), then the error handler is told its index ({@link ContainerErrorHandling}), sends it
 * to the dead-letter topic and redelivers the rest. Any other failure fails the whole batch, which
 * is retried.
 */
public final class EventBatches {

  private EventBatches() {}

  /** What a consumer does with the batch's record at an index (collect it, typically). */
  @FunctionalInterface
  public interface RecordStep {
    /** Throws a verdict ({@link UnprocessableRecordException}) for a record never processable. */
    void accept(Message<byte[]> record, int index);
  }

  /**
   * Runs the step on each record of the batch in order, then {@code flush}; at a verdict, runs
   * {@code flush} on what came before and reports the record's index to the error handler.
   */
  public static void process(Message<List<byte[]>> batch, RecordStep step, Runnable flush) {
    List<Message<byte[]>> records = EventMessages.split(batch);
    for (int i = 0; i < records.size(); i++) {
      try {
        step.accept(records.get(i), i);
      } catch (RuntimeException failure) {
        if (!ContainerErrorHandling.isVerdict(failure)) {
          throw failure;
        }
        flush.run();
        throw new BatchListenerFailedException(failure.getMessage(), failure, i);
      }
    }
    flush.run();
  }
}
