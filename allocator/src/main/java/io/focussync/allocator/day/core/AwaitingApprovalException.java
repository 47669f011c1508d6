package io.focussync.allocator.day.core;

/** A forced push of content the user has not approved under the APPROVAL policy. */
public final class AwaitingApprovalException extends DayConflictException {

  public AwaitingApprovalException() {
    super("date", "the day's plan awaits approval: approve it instead");
  }
}
