package io.focussync.notion.poll;

import io.focussync.notion.client.NotionAccess;
import io.focussync.notion.client.NotionApiException;
import io.focussync.notion.client.NotionClient;
import io.focussync.notion.client.QueryResult;
import io.focussync.notion.mapping.ChangeDetector;
import io.focussync.notion.mapping.NotionPage;
import io.focussync.notion.store.ConnectionStore;
import io.focussync.notion.store.PageStore;
import io.focussync.notion.store.StoredConnection;
import io.focussync.notion.sync.NotionAccesses;
import io.focussync.notion.sync.NotionWorkers;
import io.focussync.notion.sync.PageSynchronizer;
import io.focussync.notion.sync.UserLocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The incremental poll, the safety net under the webhooks: pages edited on or after (watermark −
 * overlap), all result pages, each through the {@link PageSynchronizer}'s de-duplication. The
 * watermark moves only after a complete pass. Now and then a full scan reads every page and looks
 * up the active pages it did not see, which is how trashed pages are noticed without a webhook.
 */
@Component
public class NotionPoller implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(NotionPoller.class);

  private final ConnectionStore connections;
  private final PageStore pages;
  private final NotionClient client;
  private final NotionAccesses accesses;
  private final PageSynchronizer synchronizer;
  private final UserLocks locks;
  private final NotionWorkers workers;
  private final PollProperties properties;
  private final Clock clock;
  private volatile boolean running;

  public NotionPoller(
      ConnectionStore connections,
      PageStore pages,
      NotionClient client,
      NotionAccesses accesses,
      PageSynchronizer synchronizer,
      UserLocks locks,
      NotionWorkers workers,
      PollProperties properties,
      Clock clock) {
    this.connections = connections;
    this.pages = pages;
    this.client = client;
    this.accesses = accesses;
    this.synchronizer = synchronizer;
    this.locks = locks;
    this.workers = workers;
    this.properties = properties;
    this.clock = clock;
  }

  /** Polls every connection once; one failing connection does not stop the others. */
  public void pollAll() {
    if (!running) {
      return;
    }
    for (StoredConnection connection : connections.findAll()) {
      try {
        poll(connection.userId(), false);
      } catch (RuntimeException e) {
        log.warn("poll of user {} failed: {}", connection.userId(), e.getMessage());
      }
    }
  }

  /** Polls a user's connection in the background, soon. */
  public void pollSoon(String userId) {
    workers.submit("poll of user " + userId, () -> poll(userId, false));
  }

  /** Polls a user's connection now (a full scan if asked or due). */
  public PollReport poll(String userId, boolean fullScan) {
    return locks.withLock(
        userId,
        () ->
            connections
                .find(userId)
                .map(connection -> pollLocked(connection, fullScan))
                .orElse(PollReport.NOTHING));
  }

  private PollReport pollLocked(StoredConnection connection, boolean forceFullScan) {
    Instant now = clock.instant();
    boolean full =
        forceFullScan
            || connection.watermark() == null
            || connection.lastFullScan() == null
            || connection.lastFullScan().plus(properties.fullScanInterval()).isBefore(now);
    Instant since = full ? null : connection.watermark().minus(properties.pollOverlap());
    NotionAccess access = accesses.of(connection);
    Counter counter = new Counter();
    Instant watermark = connection.watermark();
    Set<String> seen = new HashSet<>();
    boolean complete = true;
    String cursor = null;
    do {
      QueryResult result = client.query(access, connection.dataSourceId(), since, cursor);
      for (NotionPage page : result.pages()) {
        watermark = later(watermark, page.lastEditedTime());
        seen.add(page.id());
        counter.count(synchronizer.apply(connection, page));
      }
      for (String partialId : result.partialPageIds()) {
        NotionPage page = fetch(access, partialId, connection);
        watermark = later(watermark, page.lastEditedTime());
        seen.add(page.id());
        counter.count(synchronizer.apply(connection, page));
      }
      complete &= !result.incomplete();
      cursor = result.hasMore() ? result.nextCursor() : null;
    } while (cursor != null);
    if (full && complete) {
      for (String pageId : pages.activePageIds(connection.userId())) {
        if (!seen.contains(pageId)) {
          counter.count(synchronizer.apply(connection, fetch(access, pageId, connection)));
        }
      }
    }
    if (complete) {
      connections.advance(
          connection.userId(),
          connection.dataSourceId(),
          watermark,
          full ? now : connection.lastFullScan());
    } else {
      log.warn("Notion cut the query of user {} short: watermark kept", connection.userId());
    }
    return new PollReport(counter.read, counter.recorded, counter.deleted, full);
  }

  /** A page by id; one that no longer exists (or is no longer shared) reads as removed. */
  private NotionPage fetch(NotionAccess access, String pageId, StoredConnection connection) {
    try {
      return client.page(access, pageId);
    } catch (NotionApiException e) {
      if (e.status() != 404) {
        throw e;
      }
      Instant lastSeen =
          pages
              .find(connection.userId(), pageId)
              .map(record -> record.memory().lastEditedTime())
              .orElse(Instant.EPOCH);
      return new NotionPage(pageId, null, null, lastSeen, true, null, Map.of());
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  @Override
  public void start() {
    running = true;
    if (properties.pollEnabled()) {
      Duration first = min(properties.pollInterval(), Duration.ofSeconds(5));
      workers.every("poll", first, properties.pollInterval(), this::pollAll);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static final class Counter {
    int read;
    int recorded;
    int deleted;

    void count(ChangeDetector.Action action) {
      read++;
      if (action == ChangeDetector.Action.RECORD) {
        recorded++;
      } else if (action == ChangeDetector.Action.DELETE) {
        deleted++;
      }
    }
  }
}
