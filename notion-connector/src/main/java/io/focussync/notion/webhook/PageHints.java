package io.focussync.notion.webhook;

import io.focussync.notion.mapping.NotionIds;
import io.focussync.notion.poll.NotionPoller;
import io.focussync.notion.store.ConnectionStore;
import io.focussync.notion.store.StoredConnection;
import io.focussync.notion.sync.NotionWorkers;
import io.focussync.notion.sync.PageSynchronizer;
import io.focussync.notion.sync.UserLocks;
import java.util.Objects;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Treats a verified event as a hint for the one connection whose webhook received it: a page event
 * about the connection's data source fetches that page at once (in the background), a content or
 * undelete event of the data source polls the connection soon. Events about anything else, and
 * events whose authors are only our own integration's bot (our write-back), are ignored.
 */
@Component
class PageHints {

  private final ConnectionStore connections;
  private final PageSynchronizer synchronizer;
  private final NotionPoller poller;
  private final UserLocks locks;
  private final NotionWorkers workers;

  PageHints(
      ConnectionStore connections,
      PageSynchronizer synchronizer,
      NotionPoller poller,
      UserLocks locks,
      NotionWorkers workers) {
    this.connections = connections;
    this.synchronizer = synchronizer;
    this.poller = poller;
    this.locks = locks;
    this.workers = workers;
  }

  /** Acts on an event for the connection; false if it was not about the connection's data. */
  boolean dispatch(StoredConnection connection, JsonNode event) {
    String type = String.valueOf(text(event.path("type")));
    if (!concerns(connection, type, event) || onlyOurBot(event, connection)) {
      return false;
    }
    if (type.startsWith("page.")) {
      String pageId = NotionIds.normalize(text(event.path("entity").path("id")));
      if (pageId != null) {
        String userId = connection.userId();
        workers.submit("refresh of page " + pageId, () -> refresh(userId, pageId));
      }
    } else if (type.endsWith(".content_updated") || type.endsWith(".undeleted")) {
      poller.pollSoon(connection.userId());
    }
    return true;
  }

  /** Whether the event is about the connection's data source (or its database). */
  private static boolean concerns(StoredConnection connection, String type, JsonNode event) {
    if (type.startsWith("data_source.") || type.startsWith("database.")) {
      String entityId = NotionIds.normalize(text(event.path("entity").path("id")));
      return entityId != null
          && (entityId.equals(connection.dataSourceId())
              || entityId.equals(connection.databaseId()));
    }
    JsonNode parent = event.path("data").path("parent");
    String dataSourceId = NotionIds.normalize(text(parent.path("data_source_id")));
    String parentId = NotionIds.normalize(text(parent.path("id")));
    String candidate = dataSourceId != null ? dataSourceId : parentId;
    return (candidate != null && candidate.equals(connection.dataSourceId()))
        || ("database".equals(text(parent.path("type")))
            && parentId != null
            && parentId.equals(connection.databaseId()));
  }

  /** Reads a page now and applies it (a page gone or unshared reads as removed). */
  void refresh(String userId, String pageId) {
    locks.withLock(
        userId,
        () -> {
          connections
              .find(userId)
              .ifPresent(
                  connection -> synchronizer.apply(connection, poller.page(connection, pageId)));
          return null;
        });
  }

  private static boolean onlyOurBot(JsonNode event, StoredConnection connection) {
    JsonNode authors = event.path("authors");
    if (authors.isEmpty() || connection.botUserId() == null) {
      return false;
    }
    for (JsonNode author : authors) {
      if (!"bot".equals(text(author.path("type")))
          || !Objects.equals(
              connection.botUserId(), NotionIds.normalizeOrKeep(text(author.path("id"))))) {
        return false;
      }
    }
    return true;
  }

  private static String text(JsonNode node) {
    return node != null && node.isString() ? node.stringValue() : null;
  }
}
