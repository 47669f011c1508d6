package io.focussync.clockify.ledger;

/** Publishes sync results from the days' outbox on {@code focussync.sync-results.v1}. */
public interface ResultPublisher {

  /** Sends the result and returns once the broker has it; throws if it does not take it. */
  void publish(DayRecord.PendingResult result);
}
