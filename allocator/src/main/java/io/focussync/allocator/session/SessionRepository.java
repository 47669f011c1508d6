package io.focussync.allocator.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores the session read model. */
public interface SessionRepository {

  Optional<StoredSession> find(String userId, String sessionId);

  /**
   * Writes the session if the stored one (if any) still has {@code expectedVersion} (null: none
   * stored yet).
   *
   * @return false when the stored session changed in between
   */
  boolean save(StoredSession session, Long expectedVersion);

  /** Live sessions of the user overlapping [from, to), by start. */
  List<StoredSession> findOverlapping(String userId, Instant from, Instant to, int limit);

  /** All live sessions of the user. */
  List<StoredSession> findLive(String userId);
}
