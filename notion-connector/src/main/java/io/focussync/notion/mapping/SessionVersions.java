package io.focussync.notion.mapping;

import java.time.Instant;

/**
 * Versions of Notion sessions: {@code epochMillis(last_edited_time) * 1000 + (hash-derived tie
 * breaker 0..999)}, and never less than one above the last version emitted for the page. Notion
 * rounds {@code last_edited_time} to the minute, so two edits in one minute share the first part;
 * the floor at {@code last + 1} still gives the later one the greater version, and a later minute
 * is 60,000,000 ahead, far beyond any tie breaker.
 */
public final class SessionVersions {

  private SessionVersions() {}

  /** The version derived from the edit time and content hash alone. */
  public static long derived(Instant lastEditedTime, String hash) {
    return lastEditedTime.toEpochMilli() * 1000 + tieBreaker(hash);
  }

  /** The version of the next event of a page, greater than its last one. */
  public static long next(Instant lastEditedTime, String hash, long lastVersion) {
    return Math.max(derived(lastEditedTime, hash), lastVersion + 1);
  }

  static int tieBreaker(String hash) {
    if (hash == null || hash.length() < 8) {
      return 0;
    }
    return (int) (Long.parseLong(hash.substring(0, 8), 16) % 1000);
  }
}
