package io.focussync.ingest.session;

import java.time.Duration;

/**
 * The limits a session must keep.
 *
 * @param maxDuration the longest session accepted
 * @param maxFutureStart how far in the future a session may start (clock skew of trackers)
 */
public record SessionRules(Duration maxDuration, Duration maxFutureStart) {

  public static final int MAX_ID_LENGTH = 128;
  public static final int MAX_PROJECT_KEY_LENGTH = 512;
  public static final int MAX_TITLE_LENGTH = 2000;
  public static final int MAX_TAGS = 32;
  public static final int MAX_TAG_LENGTH = 100;

  /** The defaults of the issue: 24 hours at most, starting at most 5 minutes from now. */
  public static SessionRules defaults() {
    return new SessionRules(Duration.ofHours(24), Duration.ofMinutes(5));
  }
}
