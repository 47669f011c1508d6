package io.focussync.contracts.sessions.v1;

/** Builds and splits session ids of the form {@code source + ":" + sourceId}. */
public final class SessionIds {

  private SessionIds() {}

  public static String of(String source, String sourceId) {
    return source + ":" + sourceId;
  }

  /** The source part of a session id. */
  public static String sourceOf(String sessionId) {
    int colon = sessionId.indexOf(':');
    return colon < 0 ? "" : sessionId.substring(0, colon);
  }

  /** The source's own id part of a session id. */
  public static String sourceIdOf(String sessionId) {
    return sessionId.substring(sessionId.indexOf(':') + 1);
  }
}
