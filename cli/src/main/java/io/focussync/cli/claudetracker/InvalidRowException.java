package io.focussync.cli.claudetracker;

/** A tracker row that cannot become a session (unreadable times, no project). */
public final class InvalidRowException extends Exception {

  public InvalidRowException(String message) {
    super(message);
  }
}
