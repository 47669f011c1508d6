package io.focussync.allocator.ordering;

import io.focussync.contracts.sessions.v1.SessionOrder;

/**
 * Which change of one session wins in the allocator. Every change is held at its rank on the
 * sessions topic ({@link SessionOrder}): tracker-ingest's sessions by the record's offset, so that
 * no replica's clock decides, Notion's by their source version. Replays bring the same records at
 * the same offsets again, so they rank as what is held and change nothing.
 */
public final class ChangeOrder {

  private ChangeOrder() {}

  /** The version the allocator holds a change at (stored, and compared by {@link #replaces}). */
  public static long versionOf(String sessionId, long eventVersion, long offset) {
    return SessionOrder.rank(sessionId, eventVersion, offset);
  }

  /**
   * Whether a change at {@code version} replaces the one held at {@code held}: only a higher one
   * does; an equal one is the same change delivered again.
   */
  public static boolean replaces(long version, long held) {
    return version > held;
  }
}
