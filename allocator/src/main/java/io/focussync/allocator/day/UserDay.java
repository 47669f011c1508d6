package io.focussync.allocator.day;

import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.BusySpan;
import io.focussync.allocator.allocation.DayAllocation;
import io.focussync.allocator.allocation.DayPlanner;
import io.focussync.allocator.allocation.SessionSpan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aggregate of one user's local day: the sessions that touch it, the user's own Clockify
 * entries on it (busy time, as the clockify-connector last observed them), its latest plan
 * revision, the approval and sync state. Stored as one document and always written whole under an
 * optimistic {@code docVersion} check, so every change is a single-document atomic write.
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
  private List<BusySpan> busy = List.of();
  private Instant busyObservedAt;

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

  /** The user's own Clockify entries on the day, as last observed (in the observed order). */
  public List<BusySpan> busy() {
    return busy;
  }

  /** When the busy time was observed; null when it never was. */
  public Instant busyObservedAt() {
    return busyObservedAt;
  }

  /** Restores the busy time as stored. */
  public void busy(List<BusySpan> busy, Instant observedAt) {
    this.busy = List.copyOf(busy);
    this.busyObservedAt = observedAt;
  }

  /**
   * Takes a newer observation of the user's own Clockify entries; one observed at or before the
   * held one is ignored (a replay or a late duplicate).
   *
   * @return true when the day changed
   */
  public boolean observeBusy(List<BusySpan> observed, Instant observedAt) {
    if (busyObservedAt != null && !observedAt.isAfter(busyObservedAt)) {
      return false;
    }
    busy(observed, observedAt);
    return true;
  }

  /** The day's plan under the settings, from its sessions and around its busy time. */
  public DayAllocation allocation(AllocationSettings settings) {
    return DayPlanner.plan(settings, date, spans(), busy);
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
