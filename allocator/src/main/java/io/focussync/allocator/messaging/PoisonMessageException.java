package io.focussync.allocator.messaging;

/** A message no retry can ever process: it goes straight to the dead-letter topic. */
public class PoisonMessageException extends RuntimeException {

  public PoisonMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
