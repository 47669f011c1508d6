package io.focussync.allocator.day;

import io.focussync.allocator.allocation.SessionSpan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aggregate of one user's local day: the sessions that touch it, its latest plan revision, the
 * approval and sync state. Stored as one document and always written whole under an optimistic
 * {@code docVersion} check, so every change is a single-document atomic write.
 */
public final class UserDay {

  private final String userId;
  private final LocalDate date;
  private long docVersion;
  private final Map<String, Contribution> sessions = new TreeMap<>();
  private final Map<String, Long> removedVersions = new TreeMap<>();
  private boolean lateChanges;
  private StoredPlan plan;
  private String approvedHash;
  private Instant dueAt;
  private SyncState sync;

  public UserDay(String userId, LocalDate date) {
    this.userId = userId;
    this.date = date;
  }

  public String userId() {
    return userId;
  }

  public LocalDate date() {
    return date;
  }

  /** 0 for a day never stored, else the stored document's version. */
  public long docVersion() {
    return docVersion;
  }

  public void docVersion(long version) {
    this.docVersion = version;
  }

  public Map<String, Contribution> sessions() {
    return sessions;
  }

  /**
   * Versions of sessions removed from this day: an older change arriving late must not put the
   * session back.
   */
  public Map<String, Long> removedVersions() {
    return removedVersions;
  }

  public List<SessionSpan> spans() {
    List<SessionSpan> spans = new ArrayList<>(sessions.size());
    sessions.values().forEach(c -> spans.add(c.span()));
    return spans;
  }

  public boolean lateChanges() {
    return lateChanges;
  }

  public void lateChanges(boolean late) {
    this.lateChanges = late;
  }

  public StoredPlan plan() {
    return plan;
  }

  public void plan(StoredPlan plan) {
    this.plan = plan;
  }

  public String approvedHash() {
    return approvedHash;
  }

  public void approvedHash(String hash) {
    this.approvedHash = hash;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public void dueAt(Instant dueAt) {
    this.dueAt = dueAt;
  }

  public SyncState sync() {
    return sync;
  }

  public void sync(SyncState sync) {
    this.sync = sync;
  }

  /**
   * Puts the session's change into this day: the contribution when the session touches the day,
   * null when it no longer does (or was deleted). Older versions than the one held are ignored.
   *
   * @return true when the day changed
   */
  public boolean apply(String sessionId, long version, Contribution contribution) {
    Contribution held = sessions.get(sessionId);
    long heldVersion =
        held != null ? held.version() : removedVersions.getOrDefault(sessionId, Long.MIN_VALUE);
    if (version < heldVersion || (version == heldVersion && held == null && contribution == null)) {
      return false;
    }
    if (contribution == null) {
      removedVersions.put(sessionId, version);
      return sessions.remove(sessionId) != null;
    }
    if (contribution.equals(held)) {
      return false;
    }
    removedVersions.remove(sessionId);
    sessions.put(sessionId, contribution);
    return true;
  }
}
