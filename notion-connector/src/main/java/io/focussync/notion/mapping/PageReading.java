package io.focussync.notion.mapping;

/** What a page means for the session store: a session with its fields, or no session (and why). */
public record PageReading(SessionFields session, String notASessionBecause) {

  /** A page that is a session. */
  public static PageReading session(SessionFields fields) {
    return new PageReading(fields, null);
  }

  /** A page that is not (or no longer) a session. */
  public static PageReading notASession(String reason) {
    return new PageReading(null, reason);
  }

  public boolean isSession() {
    return session != null;
  }
}
