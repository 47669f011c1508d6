package io.focussync.notion.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.notion.IntegrationTestBase;
import io.focussync.notion.client.NotionClient;
import io.focussync.notion.lease.Lease;
import io.focussync.notion.lease.LeaseTerms;
import io.focussync.notion.mapping.PropertyMapping;
import io.focussync.notion.simulator.NotionSimulator;
import io.focussync.notion.store.ConnectionStore;
import io.focussync.notion.store.LeaseStore;
import io.focussync.notion.store.PageStore;
import io.focussync.notion.store.StoredConnection;
import io.focussync.notion.sync.NotionAccesses;
import io.focussync.notion.sync.NotionWorkers;
import io.focussync.notion.sync.PageSynchronizer;
import io.focussync.notion.sync.SessionEventSink;
import io.focussync.notion.sync.UserLocks;
import io.focussync.platform.crypto.SecretCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two poller replicas with their own replica ids, leases and workers, sharing one MongoDB database
 * (of their own, so the application's poller does not compete), the broker and the simulator.
 */
class PollLeaseIntegrationTest extends IntegrationTestBase {

  static final Duration LONG_LEASE = Duration.ofMinutes(1);
  static final Duration SHORT_LEASE = Duration.ofSeconds(3);

  @Autowired MongoClient mongoClient;
  @Autowired NotionClient client;
  @Autowired NotionAccesses accesses;
  @Autowired SessionEventSink kafka;
  @Autowired SecretCipher cipher;
  @Autowired Clock clock;

  private MongoTemplate store;
  private final List<NotionWorkers> workers = new ArrayList<>();

  @BeforeEach
  void ownDatabase() {
    store = new MongoTemplate(mongoClient, "notion-lease-test-" + UUID.randomUUID());
  }

  @AfterEach
  void stopReplicas() {
    workers.forEach(NotionWorkers::destroy);
    store.getDb().drop();
  }

  @Test
  void eachConnectionIsQueriedByExactlyOneReplicaPerCycle() {
    List<Connected> users = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      users.add(connectedWithOnePage());
    }
    NotionPoller a = replica("replica-a", LONG_LEASE, kafka);
    NotionPoller b = replica("replica-b", LONG_LEASE, kafka);
    assertThat(b.poll(users.get(0).userId(), false).polled()).isTrue();

    for (int cycle = 1; cycle <= 3; cycle++) {
      boolean aFirst = cycle % 2 == 1;
      Set<String> byFirst = (aFirst ? a : b).pollAll();
      Set<String> bySecond = (aFirst ? b : a).pollAll();

      assertThat(byFirst).doesNotContainAnyElementsOf(bySecond);
      Set<String> all = new HashSet<>(byFirst);
      all.addAll(bySecond);
      assertThat(all).containsExactlyInAnyOrderElementsOf(ids(users));
      for (int u = 0; u < users.size(); u++) {
        // the first user was polled once by replica b before the cycles
        assertThat(queries(users.get(u)))
            .as("queries of user %d", u)
            .isEqualTo(cycle + (u == 0 ? 1 : 0));
      }
    }
    assertThat(leases().find(users.get(0).userId()))
        .get()
        .extracting(Lease::owner)
        .isEqualTo("replica-b");
    assertThat(leases().find(users.get(1).userId()))
        .get()
        .extracting(Lease::owner)
        .isEqualTo("replica-a");
  }

  @Test
  void aReplicaThatStopsHandsItsConnectionsOverAtOnce() {
    Connected user = connectedWithOnePage();
    NotionPoller a = replica("replica-a", LONG_LEASE, kafka);
    NotionPoller b = replica("replica-b", LONG_LEASE, kafka);
    assertThat(a.pollAll()).containsExactly(user.userId());
    assertThat(b.pollAll()).isEmpty();

    a.stop();

    assertThat(b.pollAll()).containsExactly(user.userId());
    assertThat(a.pollAll()).isEmpty();
    assertThat(queries(user)).isEqualTo(2);
    assertThat(leases().find(user.userId()))
        .get()
        .extracting(Lease::owner, Lease::epoch)
        .containsExactly("replica-b", 2L);
  }

  @Test
  void aReplicaThatDiesLosesItsConnectionsWhenItsLeaseRunsOut() {
    Connected user = connectedWithOnePage();
    NotionPoller a = replica("replica-a", SHORT_LEASE, kafka);
    NotionPoller b = replica("replica-b", SHORT_LEASE, kafka);
    assertThat(a.pollAll()).containsExactly(user.userId());
    Instant aLeaseEnds = leases().find(user.userId()).orElseThrow().expiresAt();
    assertThat(b.pollAll()).isEmpty();

    // replica a is never called again: no renewal, no release
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> b.pollAll().contains(user.userId()));

    Lease taken = leases().find(user.userId()).orElseThrow();
    assertThat(taken.owner()).isEqualTo("replica-b");
    assertThat(taken.epoch()).isEqualTo(2);
    assertThat(taken.expiresAt()).isAfterOrEqualTo(aLeaseEnds.plus(SHORT_LEASE));
    assertThat(queries(user)).isEqualTo(2);
  }

  @Test
  void aStaleReplicaCannotMoveTheWatermarkBack() throws Exception {
    Instant thisMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Instant earlier = thisMinute.minus(Duration.ofMinutes(10));
    NOTION.freezeAt(earlier);
    Connected user = connectedWithOnePage();
    PausingSink paused = new PausingSink(kafka);
    NotionPoller a = replica("replica-a", SHORT_LEASE, paused);
    NotionPoller b = replica("replica-b", SHORT_LEASE, kafka);

    CompletableFuture<PollReport> stale =
        CompletableFuture.supplyAsync(() -> a.poll(user.userId(), false));
    assertThat(paused.entered.await(20, TimeUnit.SECONDS)).as("replica a is polling").isTrue();
    Lease staleLease = leases().find(user.userId()).orElseThrow();
    NOTION.freezeAt(thisMinute);
    NOTION.createPage(user.db().dataSourceId(), session("later"));
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> b.pollAll().contains(user.userId()));
    assertThat(watermark(user)).isEqualTo(thisMinute);

    paused.resume.countDown();
    PollReport staleReport = stale.get(20, TimeUnit.SECONDS);

    assertThat(staleReport.polled()).isTrue();
    assertThat(staleReport.advanced()).isFalse();
    assertThat(watermark(user)).isEqualTo(thisMinute);
    assertThat(
            new ConnectionStore(store)
                .advance(user.userId(), user.db().dataSourceId(), staleLease, earlier, earlier))
        .as("a write under the old epoch")
        .isFalse();
    assertThat(watermark(user)).isEqualTo(thisMinute);
    assertThat(leases().find(user.userId()))
        .get()
        .extracting(Lease::owner, Lease::epoch)
        .containsExactly("replica-b", staleLease.epoch() + 1);
  }

  private NotionPoller replica(String replicaId, Duration lease, SessionEventSink sink) {
    ConnectionStore connections = new ConnectionStore(store);
    PageStore pages = new PageStore(store);
    NotionWorkers replicaWorkers = new NotionWorkers();
    workers.add(replicaWorkers);
    NotionPoller poller =
        new NotionPoller(
            connections,
            pages,
            client,
            accesses,
            new PageSynchronizer(pages, sink, clock),
            new UserLocks(),
            replicaWorkers,
            new PollProperties(
                Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(15), false),
            new ConnectionLeases(
                new LeaseStore(store), replicaId, new LeaseTerms(lease, null), clock),
            clock);
    poller.start();
    return poller;
  }

  private Connected connectedWithOnePage() {
    String userId = "u-" + UUID.randomUUID();
    String token = NOTION.newIntegration();
    NotionSimulator.Db db = NOTION.createDatabase(token, NotionSimulator.focusSessionsSchema());
    NOTION.createPage(db.dataSourceId(), session("page of " + userId));
    new ConnectionStore(store)
        .save(
            new StoredConnection(
                userId,
                cipher.encrypt(token, StoredConnection.tokenScope(userId)),
                SecretCipher.mask(token),
                db.databaseId(),
                db.dataSourceId(),
                NOTION.baseUrl(),
                NOTION.botUserId(token),
                new PropertyMapping(
                    "Name",
                    "Date",
                    "Project",
                    "Flow score",
                    List.of("Phone away", "Goal written"),
                    "Synced",
                    "Clockify entry",
                    "Synced at"),
                "url",
                null,
                null,
                clock.instant()));
    return new Connected(userId, token, db);
  }

  private LeaseStore leases() {
    return new LeaseStore(store);
  }

  private Instant watermark(Connected user) {
    return new ConnectionStore(store).find(user.userId()).orElseThrow().watermark();
  }

  private static long queries(Connected user) {
    return NOTION.served(user.token()).stream().filter(s -> s.url().endsWith("/query")).count();
  }

  private static List<String> ids(List<Connected> users) {
    return users.stream().map(Connected::userId).toList();
  }

  private record Connected(String userId, String token, NotionSimulator.Db db) {}

  /** The real Kafka sink, but the first event waits until the test resumes it: a paused replica. */
  private static final class PausingSink implements SessionEventSink {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch resume = new CountDownLatch(1);
    private final SessionEventSink delegate;

    PausingSink(SessionEventSink delegate) {
      this.delegate = delegate;
    }

    @Override
    public void recorded(SessionRecorded event) {
      pause();
      delegate.recorded(event);
    }

    @Override
    public void deleted(SessionDeleted event) {
      pause();
      delegate.deleted(event);
    }

    private void pause() {
      if (entered.getCount() == 0) {
        return;
      }
      entered.countDown();
      try {
        resume.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
