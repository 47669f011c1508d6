package io.focussync.notion.mapping;

import java.time.Instant;

/**
 * What the connector remembers of a page between reads.
 *
 * @param lastEditedTime the newest {@code last_edited_time} read
 * @param hash the hash of the session fields last emitted, null if none
 * @param active a SessionRecorded is the last event emitted for the page
 * @param lastVersion the version of the last event emitted, 0 if none
 */
public record PageMemory(
    String pageId, Instant lastEditedTime, String hash, boolean active, long lastVersion) {

  /** Remembers nothing about a page: it was never read. */
  public static PageMemory unknown(String pageId) {
    return new PageMemory(pageId, Instant.EPOCH, null, false, 0);
  }

  public boolean emittedBefore() {
    return lastVersion > 0;
  }
}
