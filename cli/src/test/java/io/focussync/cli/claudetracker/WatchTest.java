package io.focussync.cli.claudetracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.cli.support.CliRunner;
import io.focussync.cli.support.FakeGateway;
import io.focussync.cli.support.TrackerDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code watch} while a writer connection changes the database, as the tracker does. */
class WatchTest {

  static final String A = "/Users/ada/.claude/projects/-Users-ada-work-npr/a1.jsonl";
  static final String B = "/Users/ada/.claude/projects/-Users-ada-work-npr/b2.jsonl";
  static final String C = "/Users/ada/.claude/projects/-Users-ada-work-npr/c3.jsonl";
  static final Duration SOON = Duration.ofSeconds(10);

  @TempDir Path dir;
  private FakeGateway gateway;
  private TrackerDb db;
  private CliRunner cli;
  private CliRunner.Running watch;

  @BeforeEach
  void setUp() throws Exception {
    gateway = new FakeGateway();
    db = TrackerDb.create(dir.resolve("tracker.db"));
    cli = new CliRunner(dir.resolve("home")).loggedIn(gateway);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (watch != null && !watch.isDone()) {
      watch.stop();
    }
    db.close();
    gateway.close();
  }

  @Test
  void newGrownAndDeletedRowsReachTheGatewayWithinSeconds() throws Exception {
    db.put(A, "/Users/ada/work/npr", "2026-03-02T09:00:00Z", "2026-03-02T09:05:00Z", 280);
    watch = startWatch();
    await().atMost(SOON).until(() -> sentIds().contains(SessionIds.of(A)));

    db.put(B, "/Users/ada/work/npr", "2026-03-02T09:10:00Z", "2026-03-02T09:11:00Z", 60);
    await().atMost(SOON).until(() -> sentIds().contains(SessionIds.of(B)));

    // the live session grows: its row is rewritten, the session is replaced under the same id
    db.put(B, "/Users/ada/work/npr", "2026-03-02T09:10:00Z", "2026-03-02T09:40:00Z", 1700);
    await().atMost(SOON).until(() -> gateway.batchSessions().stream().anyMatch(s -> isGrownB(s)));

    db.delete(A);
    await().atMost(SOON).until(() -> gateway.deletedIds().contains(SessionIds.of(A)));

    assertThat(watch.stop()).isZero();
    assertThat(watch.out()).contains("Watching ").contains("Stopped watching");
    assertThat(gateway.batchSessions())
        .extracting(s -> s.path("id").asString())
        .containsExactly(SessionIds.of(A), SessionIds.of(B), SessionIds.of(B));
    assertThat(gateway.deletedIds()).containsExactly(SessionIds.of(A));
  }

  @Test
  void aRestartedWatchSendsOnlyWhatChangedWhileItWasStopped() throws Exception {
    db.put(A, "/p", "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z", 1700);
    db.put(B, "/p", "2026-03-02T10:00:00Z", "2026-03-02T10:30:00Z", 1700);
    db.put(C, "/p", "2026-03-02T11:00:00Z", "2026-03-02T11:30:00Z", 1700);
    watch = startWatch();
    await().atMost(SOON).until(() -> gateway.batchSessions().size() == 3);
    assertThat(watch.stop()).isZero();
    gateway.clear();

    db.put(A, "/p", "2026-03-02T09:00:00Z", "2026-03-02T09:45:00Z", 2600);
    db.delete(B);
    String d = "/Users/ada/.claude/projects/x/d4.jsonl";
    db.put(d, "/p", "2026-03-02T12:00:00Z", "2026-03-02T12:10:00Z", 600);
    watch = startWatch();
    await().atMost(SOON).until(() -> gateway.deletedIds().contains(SessionIds.of(B)));
    assertThat(watch.stop()).isZero();

    assertThat(gateway.batchSessions())
        .extracting(s -> s.path("id").asString())
        .containsExactlyInAnyOrder(SessionIds.of(A), SessionIds.of(d));
    assertThat(gateway.deletedIds()).containsExactly(SessionIds.of(B));
  }

  @Test
  void aLockedDatabaseIsWaitedOut() throws Exception {
    db.put(A, "/p", "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z", 1700);
    watch = startWatch();
    await().atMost(SOON).until(() -> sentIds().contains(SessionIds.of(A)));

    db.lockExclusively();
    await().atMost(SOON).until(() -> watch.err().contains("is locked by its writer"));
    db.unlock();
    db.put(B, "/p", "2026-03-02T10:00:00Z", "2026-03-02T10:30:00Z", 1700);

    await().atMost(SOON).until(() -> sentIds().contains(SessionIds.of(B)));
    assertThat(watch.isDone()).isFalse();
    assertThat(gateway.deletedIds()).isEmpty();
  }

  @Test
  void aMissingOrReplacedFileIsWaitedForAndNothingIsDeletedMeanwhile() throws Exception {
    db.put(A, "/p", "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z", 1700);
    db.put(B, "/p", "2026-03-02T10:00:00Z", "2026-03-02T10:30:00Z", 1700);
    watch = startWatch();
    await().atMost(SOON).until(() -> gateway.batchSessions().size() == 2);

    db.close();
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Path file = Path.of(db.file() + suffix);
      if (Files.exists(file)) {
        Files.move(file, dir.resolve("aside.db" + suffix));
      }
    }
    await().atMost(SOON).until(() -> watch.err().contains("Waiting for " + db.file()));

    // the tracker writes a new file: B is gone from it, C is new
    try (TrackerDb fresh = TrackerDb.create(dir.resolve("fresh.db"))) {
      fresh.put(A, "/p", "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z", 1700);
      fresh.put(C, "/p", "2026-03-02T11:00:00Z", "2026-03-02T11:30:00Z", 1700);
    }
    Files.move(dir.resolve("fresh.db"), db.file(), StandardCopyOption.ATOMIC_MOVE);
    db.reopen();

    await().atMost(SOON).until(() -> sentIds().contains(SessionIds.of(C)));
    await().atMost(SOON).until(() -> gateway.deletedIds().contains(SessionIds.of(B)));
    assertThat(gateway.deletedIds()).containsExactly(SessionIds.of(B));
    assertThat(sentIds()).containsExactly(SessionIds.of(A), SessionIds.of(B), SessionIds.of(C));
    assertThat(watch.err()).contains("Back to normal");
  }

  @Test
  void anUnreachableGatewayIsRetriedAndARevokedTokenEndsTheWatchWithExit4() throws Exception {
    gateway.on(
        "POST",
        "/api/v1/sessions/batch",
        request ->
            new FakeGateway.Response(
                503,
                "application/problem+json",
                "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"Kafka is down\"}",
                java.util.Map.of("Retry-After", "1")));
    db.put(A, "/p", "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z", 1700);
    watch = startWatch();
    await().atMost(Duration.ofSeconds(20)).until(() -> watch.err().contains("Kafka is down"));
    assertThat(watch.isDone()).isFalse();

    gateway.refuseUserToken();

    assertThat(watch.awaitExit()).isEqualTo(4);
    assertThat(watch.err()).contains("Unauthorized (401)");
  }

  @Test
  void aWrongTokenOrAdminTokenStopsWatchAtOnce() {
    CliRunner.Result admin =
        cli.env("FOCUSSYNC_TOKEN", FakeGateway.ADMIN_TOKEN)
            .run("watch", db.file().toString(), "--format", "claude-tracker");

    assertThat(admin.code()).isEqualTo(4);
    assertThat(admin.err()).contains("admin token");
  }

  private CliRunner.Running startWatch() {
    CliRunner.Running running =
        cli.start(
            "watch", db.file().toString(), "--format", "claude-tracker", "--interval", "200ms");
    await().atMost(SOON).until(() -> running.out().contains("Watching ") || running.isDone());
    return running;
  }

  private java.util.List<String> sentIds() {
    return gateway.batchSessions().stream().map(s -> s.path("id").asString()).toList();
  }

  private static boolean isGrownB(JsonNode session) {
    return session.path("id").asString().equals(SessionIds.of(B))
        && session.path("end").asString().equals("2026-03-02T09:40:00Z")
        && session.path("trackedSeconds").asLong() == 1700;
  }
}
