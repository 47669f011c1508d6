package io.focussync.allocator.day.core;

/**
 * A change the day's state refuses (a closed day, a plan awaiting approval); the web layer answers
 * it with a 409 naming the field.
 */
public abstract class DayConflictException extends RuntimeException {

  private final String field;
  private final String reason;

  protected DayConflictException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The request field the conflict is about. */
  public String field() {
    return field;
  }

  /** Why the change is refused, as the user reads it. */
  public String reason() {
    return reason;
  }
}
