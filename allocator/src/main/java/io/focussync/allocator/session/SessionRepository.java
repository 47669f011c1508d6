package io.focussync.allocator.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Stores the session read model. */
public interface SessionRepository {

  /** The stored sessions (tombstones included) among these; absent ones are left out. */
  Map<SessionRef, StoredSession> findAll(Collection<SessionRef> refs);

  /**
   * Writes each session whose stored version is still the expected one; a session stored newer in
   * between is left as it is.
   */
  void saveAll(List<Write> writes);

  /** A session to write, if the stored one still has {@code expectedVersion} (null: none). */
  record Write(StoredSession session, Long expectedVersion) {}

  /** Live sessions of the user overlapping [from, to), by start. */
  List<StoredSession> findOverlapping(String userId, Instant from, Instant to, int limit);

  /** All live sessions of the user. */
  List<StoredSession> findLive(String userId);
}
