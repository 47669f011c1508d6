package io.focussync.notion.poll;

import io.focussync.notion.client.NotionAccess;
import io.focussync.notion.client.NotionApiException;
import io.focussync.notion.client.NotionClient;
import io.focussync.notion.client.QueryResult;
import io.focussync.notion.lease.Lease;
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
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The incremental poll, the safety net under the webhooks: pages edited on or after (watermark −
 * overlap), all result pages, each through the {@link PageSynchronizer}'s de-duplication. The
 * watermark moves only after a complete pass. Now and then a full scan reads every page and looks
 * up the active pages it did not see, which is how trashed pages are noticed without a webhook. A
 * connection is polled only under its lease ({@link ConnectionLeases}): by one replica at a time,
 * and the watermark is written only while that lease is still held.
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
  private final ConnectionLeases leases;
  private final Clock clock;
  private volatile boolean running;
  private boolean scheduled;

  public NotionPoller(
      ConnectionStore connections,
      PageStore pages,
      NotionClient client,
      NotionAccesses accesses,
      PageSynchronizer synchronizer,
      UserLocks locks,
      NotionWorkers workers,
      PollProperties properties,
      ConnectionLeases leases,
      Clock clock) {
    this.connections = connections;
    this.pages = pages;
    this.client = client;
    this.accesses = accesses;
    this.synchronizer = synchronizer;
    this.locks = locks;
    this.workers = workers;
    this.properties = properties;
    this.leases = leases;
    this.clock = clock;
  }

  /**
   * Polls every connection whose lease this replica holds or can take, once; one failing connection
   * does not stop the others. Returns the users whose connections it polled.
   */
  public Set<String> pollAll() {
    Set<String> polled = new LinkedHashSet<>();
    if (!running) {
      return polled;
    }
    for (StoredConnection connection : connections.findAll()) {
      try {
        if (poll(connection.userId(), false).polled()) {
          polled.add(connection.userId());
        }
      } catch (RuntimeException e) {
        log.warn("poll of user {} failed: {}", connection.userId(), e.getMessage());
      }
    }
    return polled;
  }

  /** Polls a user's connection in the background, soon. */
  public void pollSoon(String userId) {
    workers.submit("poll of user " + userId, () -> poll(userId, false));
  }

  /**
   * Polls a user's connection now (a full scan if asked or due), if this replica holds or can take
   * its lease.
   */
  public PollReport poll(String userId, boolean fullScan) {
    return locks.withLock(
        userId,
        () -> {
          Optional<Lease> lease = leases.claim(userId);
          if (lease.isEmpty()) {
            return PollReport.NOT_POLLED;
          }
          return connections
              .find(userId)
              .map(connection -> pollLeased(connection, lease.get(), fullScan))
              .orElse(PollReport.NOT_POLLED);
        });
  }

  private PollReport pollLeased(StoredConnection connection, Lease lease, boolean fullScan) {
    Counter counter = new Counter();
    try {
      return pollLocked(connection, new Holding(connection.userId(), lease), fullScan, counter);
    } catch (LeaseLost e) {
      log.info("user {}'s connection was taken over during the poll: watermark kept", e.userId);
      return counter.report(false, false);
    }
  }

  private PollReport pollLocked(
      StoredConnection connection, Holding holding, boolean forceFullScan, Counter counter) {
    Instant now = clock.instant();
    boolean full =
        forceFullScan
            || connection.watermark() == null
            || connection.lastFullScan() == null
            || connection.lastFullScan().plus(properties.fullScanInterval()).isBefore(now);
    Instant since = full ? null : connection.watermark().minus(properties.pollOverlap());
    NotionAccess access = accesses.of(connection);
    Instant watermark = connection.watermark();
    Set<String> seen = new HashSet<>();
    boolean complete = true;
    String cursor = null;
    do {
      if (cursor != null) {
        holding.confirm();
      }
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
          holding.confirm();
          counter.count(synchronizer.apply(connection, fetch(access, pageId, connection)));
        }
      }
    }
    boolean advanced = false;
    if (complete) {
      advanced =
          connections.advance(
              connection.userId(),
              connection.dataSourceId(),
              holding.lease,
              watermark,
              full ? now : connection.lastFullScan());
      if (!advanced) {
        log.info(
            "user {}'s connection changed hands or sources: watermark kept", connection.userId());
      }
    } else {
      log.warn("Notion cut the query of user {} short: watermark kept", connection.userId());
    }
    return counter.report(full, advanced);
  }

  /**
   * A connection's page by id; one that no longer exists (or is no longer shared) reads as removed.
   */
  public NotionPage page(StoredConnection connection, String pageId) {
    return fetch(accesses.of(connection), pageId, connection);
  }

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
  public synchronized void start() {
    leases.open();
    running = true;
    if (properties.pollEnabled() && !scheduled) {
      scheduled = true;
      Duration first = min(properties.pollInterval(), Duration.ofSeconds(5));
      workers.every("poll", first, properties.pollInterval(), this::pollAll);
      Duration renew = leases.terms().renewInterval();
      workers.every("lease renewal", renew, renew, this::renewLeases);
    }
  }

  private void renewLeases() {
    if (running) {
      leases.renewAll();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  /** Stops polling and hands this replica's leases back, so the others take over at once. */
  @Override
  public synchronized void stop() {
    running = false;
    leases.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** The lease a poll runs under; checked (and renewed when due) as the poll goes on. */
  private final class Holding {
    final String userId;
    Lease lease;

    Holding(String userId, Lease lease) {
      this.userId = userId;
      this.lease = lease;
    }

    void confirm() {
      lease = leases.confirm(userId, lease).orElseThrow(() -> new LeaseLost(userId));
    }
  }

  private static final class LeaseLost extends RuntimeException {
    final String userId;

    LeaseLost(String userId) {
      super(null, null, false, false);
      this.userId = userId;
    }
  }

  private static final class Counter {
    int read;
    int recorded;
    int deleted;

    PollReport report(boolean fullScan, boolean advanced) {
      return new PollReport(true, read, recorded, deleted, fullScan, advanced);
    }

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
