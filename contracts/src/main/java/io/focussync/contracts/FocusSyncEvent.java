package io.focussync.contracts;

/** Any event on a Focus Sync topic: it belongs to one user, whose id is the message key. */
public interface FocusSyncEvent {

  /** The owning user's id, also the Kafka message key. */
  String userId();

  /** What the event is about, used as the CloudEvents subject. */
  String subject();
}
