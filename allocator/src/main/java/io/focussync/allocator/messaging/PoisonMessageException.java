package io.focussync.allocator.messaging;

/**
 * A message no retry can ever process: it goes straight to the dead-letter topic. It carries no
 * cause on purpose: the error handler classifies failures by their root cause, which must be this.
 */
public class PoisonMessageException extends RuntimeException {

  public PoisonMessageException(String message) {
    super(message);
  }
}
