package io.focussync.notion.writeback;

import io.focussync.contracts.sessions.v1.SessionIds;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.contracts.syncresults.v1.SyncedEntry;
import io.focussync.notion.client.DataSourceSchema;
import io.focussync.notion.client.NotionAccess;
import io.focussync.notion.client.NotionApiException;
import io.focussync.notion.client.NotionClient;
import io.focussync.notion.client.PagePatch;
import io.focussync.notion.mapping.NotionPage;
import io.focussync.notion.mapping.PropertyMapping;
import io.focussync.notion.store.ConnectionStore;
import io.focussync.notion.store.PageRecord;
import io.focussync.notion.store.PageStore;
import io.focussync.notion.store.StoredConnection;
import io.focussync.notion.sync.NotionAccesses;
import io.focussync.notion.sync.PageSynchronizer;
import io.focussync.notion.sync.UserLocks;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Marks the Notion pages behind a synced day: the synced checkbox, the Clockify entry link and the
 * synced-at date, each only if mapped (and still present: a property Notion no longer knows is left
 * out, not an error). The updated page goes through the same change detection as any read, where
 * its unchanged session fields make it no event. Dry runs mark nothing.
 */
@Service
public class WriteBackService {

  private static final Logger log = LoggerFactory.getLogger(WriteBackService.class);

  private final ConnectionStore connections;
  private final PageStore pages;
  private final NotionClient client;
  private final NotionAccesses accesses;
  private final PageSynchronizer synchronizer;
  private final UserLocks locks;

  public WriteBackService(
      ConnectionStore connections,
      PageStore pages,
      NotionClient client,
      NotionAccesses accesses,
      PageSynchronizer synchronizer,
      UserLocks locks) {
    this.connections = connections;
    this.pages = pages;
    this.client = client;
    this.accesses = accesses;
    this.synchronizer = synchronizer;
    this.locks = locks;
  }

  /** Writes back the Notion sessions of a synced day; returns how many pages were updated. */
  public int apply(DaySynced day) {
    long notionSessions =
        day.dryRun()
            ? 0
            : day.entries().stream()
                .flatMap(entry -> entry.sessionIds().stream())
                .filter(WriteBackService::isNotionSession)
                .count();
    log.info(
        "DaySynced for {} {} r{}: {} pages to mark",
        day.userId(),
        day.date(),
        day.revision(),
        notionSessions);
    if (notionSessions == 0) {
      return 0;
    }
    Optional<StoredConnection> connection = connections.find(day.userId());
    if (connection.isEmpty()) {
      return 0;
    }
    int updated = 0;
    for (SyncedEntry entry : day.entries()) {
      for (String sessionId : entry.sessionIds()) {
        if (isNotionSession(sessionId)) {
          String pageId = SessionIds.sourceIdOf(sessionId);
          boolean done =
              locks.withLock(
                  day.userId(), () -> markLocked(connection.get(), pageId, entry, day.syncedAt()));
          updated += done ? 1 : 0;
        }
      }
    }
    return updated;
  }

  private static boolean hasNotionSession(SyncedEntry entry) {
    return entry.sessionIds().stream().anyMatch(WriteBackService::isNotionSession);
  }

  private static boolean isNotionSession(String sessionId) {
    return PageSynchronizer.SOURCE.equals(SessionIds.sourceOf(sessionId));
  }

  private boolean markLocked(
      StoredConnection connection, String pageId, SyncedEntry entry, Instant syncedAt) {
    Optional<PageRecord> record = pages.find(connection.userId(), pageId);
    if (record.isEmpty() || !record.get().memory().active()) {
      return false; // not a page of this user's sessions (or no longer one)
    }
    String entryUrl = entry.entryUrl();
    if (record.get().syncedEntryUrl() != null
        && record.get().syncedEntryUrl().equals(entryUrl == null ? "" : entryUrl)) {
      return false; // already marked with this entry: a redelivery or a replay
    }
    PagePatch patch = patch(connection, entryUrl, syncedAt);
    if (patch.isEmpty()) {
      return false;
    }
    NotionAccess access = accesses.of(connection);
    NotionPage updated;
    try {
      updated = client.update(access, pageId, patch);
    } catch (NotionApiException e) {
      if (e.status() == 404) {
        log.info("page {} is gone, not marking it synced", pageId);
        return false;
      }
      if (e.status() == 401 || e.status() == 403) {
        // This user's token was revoked or lost access: waiting would hold every other user's
        // results behind it. The page stays unmarked until the user reconnects and resyncs.
        log.warn("Notion refused marking page {} synced ({}): skipped", pageId, e.status());
        return false;
      }
      if (e.status() != 400) {
        throw e;
      }
      PagePatch present = withoutMissing(access, connection, patch);
      if (present.isEmpty()) {
        return false;
      }
      updated = client.update(access, pageId, present);
    }
    pages.markSynced(connection.userId(), pageId, entryUrl);
    synchronizer.apply(connection, updated);
    return true;
  }

  private static PagePatch patch(StoredConnection connection, String entryUrl, Instant syncedAt) {
    PropertyMapping mapping = connection.mapping();
    PagePatch patch = new PagePatch();
    if (mapping.synced() != null) {
      patch.checkbox(mapping.synced(), true);
    }
    if (mapping.entryUrl() != null && entryUrl != null) {
      if ("rich_text".equals(connection.entryUrlType())) {
        patch.richText(mapping.entryUrl(), entryUrl);
      } else {
        patch.url(mapping.entryUrl(), entryUrl);
      }
    }
    if (mapping.syncedAt() != null && syncedAt != null) {
      patch.date(mapping.syncedAt(), syncedAt);
    }
    return patch;
  }

  /** The patch without the properties the data source no longer has with the expected type. */
  private PagePatch withoutMissing(
      NotionAccess access, StoredConnection connection, PagePatch patch) {
    DataSourceSchema schema = client.dataSource(access, connection.dataSourceId());
    PropertyMapping mapping = connection.mapping();
    Map<String, String> expected = new java.util.HashMap<>();
    if (mapping.synced() != null) {
      expected.put(mapping.synced(), "checkbox");
    }
    if (mapping.entryUrl() != null) {
      expected.put(mapping.entryUrl(), connection.entryUrlType());
    }
    if (mapping.syncedAt() != null) {
      expected.put(mapping.syncedAt(), "date");
    }
    Set<String> missing = new HashSet<>();
    expected.forEach(
        (name, type) -> {
          if (!type.equals(schema.propertyTypes().get(name))) {
            missing.add(name);
          }
        });
    if (!missing.isEmpty()) {
      log.info("write-back skips properties no longer in the database: {}", missing);
    }
    return patch.without(missing);
  }
}
