package io.focussync.cli.claudetracker;

/** The database cannot be read right now; {@link #reason()} says whether waiting may help. */
public final class DatabaseUnavailableException extends Exception {

  /** Why the database could not be read. */
  public enum Reason {
    /** No file at the path (yet, or while it is being replaced). */
    MISSING,
    /** Locked by a writer (SQLITE_BUSY / SQLITE_LOCKED). */
    BUSY,
    /** A SQLite file without claude-tracker's sessions table (e.g. just created). */
    NOT_A_TRACKER,
    /** Not a SQLite database, or damaged. */
    UNREADABLE
  }

  private final Reason reason;

  public DatabaseUnavailableException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
