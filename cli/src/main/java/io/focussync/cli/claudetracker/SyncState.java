package io.focussync.cli.claudetracker;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the server has of one database: per transcript, the hash of the bodies last accepted and the
 * ids they were sent under; and the ids still to delete (rows gone, pieces no longer sent).
 */
public final class SyncState {

  /** One row as last accepted by the server. */
  public record Sent(String hash, List<String> ids) {}

  private final Map<String, Sent> rows = new LinkedHashMap<>();
  private final Set<String> pendingDeletes = new LinkedHashSet<>();

  public Map<String, Sent> rows() {
    return rows;
  }

  public Set<String> pendingDeletes() {
    return pendingDeletes;
  }

  /** Records an accepted row; ids it was sent under before and no longer is are to be deleted. */
  public void accepted(String sourcePath, String hash, List<String> ids) {
    Sent before = rows.put(sourcePath, new Sent(hash, List.copyOf(ids)));
    if (before != null) {
      before.ids().stream().filter(id -> !ids.contains(id)).forEach(pendingDeletes::add);
    }
    ids.forEach(pendingDeletes::remove);
  }

  /** Forgets a row that is gone from the database; its ids are to be deleted. */
  public void gone(String sourcePath) {
    Sent before = rows.remove(sourcePath);
    if (before != null) {
      pendingDeletes.addAll(before.ids());
    }
  }

  /** Never deletes an id that a row of the database is sent under now. */
  public boolean keepLive(Collection<String> liveIds) {
    return pendingDeletes.removeAll(liveIds instanceof Set ? liveIds : Set.copyOf(liveIds));
  }
}
