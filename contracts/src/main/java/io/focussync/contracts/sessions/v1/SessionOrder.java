package io.focussync.contracts.sessions.v1;

import java.util.Set;

/**
 * Which of two changes of one session on {@code focussync.sessions.v1} is the newer one. Changes of
 * the sessions tracker-ingest makes ({@code rest:} and {@code import:} ids) follow their position
 * on the topic: every event is keyed by its user, so a user's events share one partition and a
 * later record is a later change, whatever the clock of the replica that stamped its {@code
 * version}. Changes of every other source (Notion) follow their {@code version}, which the source
 * orders best (an old page state may be published after a newer one).
 */
public final class SessionOrder {

  /** The sources whose changes follow their order on the topic. */
  public static final Set<String> TOPIC_ORDERED_SOURCES = Set.of("rest", "import");

  /**
   * Topic positions rank above every version: versions are epoch microseconds (below 2^60 until the
   * year 38,000), so a session a consumer last held at a clock version, before this order, yields
   * to its next change on the topic.
   */
  static final long TOPIC_POSITIONS = 1L << 60;

  private SessionOrder() {}

  /** Whether the session's changes follow their order on the topic rather than their version. */
  public static boolean followsTopic(String sessionId) {
    return TOPIC_ORDERED_SOURCES.contains(SessionIds.sourceOf(sessionId));
  }

  /**
   * The rank of a change: of two changes of one session the one of higher rank is newer, and an
   * equal rank is the same change again (a redelivery or a replay of the same record).
   *
   * @param version the event's {@code version}
   * @param offset the offset of the event's record in its partition
   */
  public static long rank(String sessionId, long version, long offset) {
    if (!followsTopic(sessionId)) {
      return version;
    }
    if (offset < 0) {
      throw new IllegalArgumentException("no offset for a change of " + sessionId);
    }
    return TOPIC_POSITIONS + offset;
  }
}
