package io.focussync.contracts.syncresults.v1;

import java.util.List;

/**
 * One entry as it stands in Clockify after a sync.
 *
 * @param entryUrl a link a person can open, null in dry-run
 * @param sessionIds the sessions behind the entry, so sources can mark them synced
 */
public record SyncedEntry(
    String slot, String clockifyEntryId, String entryUrl, List<String> sessionIds) {

  public SyncedEntry {
    sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
  }
}
