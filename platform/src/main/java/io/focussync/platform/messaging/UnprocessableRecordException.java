package io.focussync.platform.messaging;

/**
 * The verdict that a consumed record can never be processed (unreadable, impossible): it goes to
 * its dead-letter topic at once instead of being retried. It carries no cause on purpose: the error
 * handler names the verdict in the dead letter, and its message says why.
 */
public class UnprocessableRecordException extends RuntimeException {

  public UnprocessableRecordException(String message) {
    super(message);
  }
}
