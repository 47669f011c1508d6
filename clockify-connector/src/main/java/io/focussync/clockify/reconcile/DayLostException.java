package io.focussync.clockify.reconcile;

/** The run no longer owns its day: another run took it over, or a newer revision came. */
public final class DayLostException extends RuntimeException {

  /** Why the run stopped. */
  public enum Why {
    /** Another replica holds the day's fencing token now: this run may change nothing. */
    FENCED_OUT,
    /** This replica no longer owns the user's partition (rebalance or stop): hand the day over. */
    HANDED_OVER,
    /** A newer revision was accepted: start over with it. */
    SUPERSEDED
  }

  private final Why why;

  public DayLostException(Why why, String message) {
    super(message);
    this.why = why;
  }

  public Why why() {
    return why;
  }
}
