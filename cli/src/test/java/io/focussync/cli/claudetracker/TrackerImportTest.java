package io.focussync.cli.claudetracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.cli.support.CliRunner;
import io.focussync.cli.support.FakeGateway;
import io.focussync.cli.support.TrackerDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code import} of a claude-tracker database against a fake gateway. */
class TrackerImportTest {

  static final String A = "/Users/ada/.claude/projects/-Users-ada-work-npr/a1.jsonl";
  static final String B = "/Users/ada/.claude/projects/-Users-ada-work-npr/b2.jsonl";
  static final String C = "/Users/ada/.claude/projects/-Users-ada-oss/c3 (copy).jsonl";

  @TempDir Path dir;
  private FakeGateway gateway;
  private TrackerDb db;
  private CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    gateway = new FakeGateway();
    db = TrackerDb.create(dir.resolve("tracker.db"));
    cli = new CliRunner(dir.resolve("home")).loggedIn(gateway);
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
    gateway.close();
  }

  @Test
  void sendsEachRowWithItsStableIdProjectTitleAndTrackedSeconds() throws Exception {
    db.put(A, "/Users/ada/work/npr", "2026-03-02T09:00:00Z", "2026-03-02T10:30:00Z", 4000);
    db.put(C, "/Users/ada/oss", "2026-03-02T11:00:00Z", "2026-03-02T11:20:00Z", 900);

    CliRunner.Result result = cli.run("import", db.file().toString());

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("2 sessions sent (2 accepted)").contains("0 deleted");
    assertThat(gateway.batchCount()).isEqualTo(1);
    List<JsonNode> sent = gateway.batchSessions();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).path("id").asString()).isEqualTo(SessionIds.of(A));
    assertThat(sent.get(0).path("projectKey").asString()).isEqualTo("/Users/ada/work/npr");
    assertThat(sent.get(0).path("start").asString()).isEqualTo("2026-03-02T09:00:00Z");
    assertThat(sent.get(0).path("end").asString()).isEqualTo("2026-03-02T10:30:00Z");
    assertThat(sent.get(0).path("title").asString()).isEqualTo("a1.jsonl");
    assertThat(sent.get(0).path("trackedSeconds").asLong()).isEqualTo(4000);
    assertThat(sent.get(1).path("id").asString()).isEqualTo(SessionIds.of(C));
    assertThat(sent.get(1).path("title").asString()).isEqualTo("c3 (copy).jsonl");
    assertThat(gateway.requests().get(0).header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void importingAgainSendsNothingAndAGrownSessionIsSentAgainUnderItsId() throws Exception {
    db.put(A, "/Users/ada/work/npr", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", 3000);
    db.put(B, "/Users/ada/work/npr", "2026-03-02T13:00:00Z", "2026-03-02T13:30:00Z", 1500);
    assertThat(cli.run("import", db.file().toString()).code()).isZero();
    gateway.clear();

    CliRunner.Result again = cli.run("import", db.file().toString());

    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("0 sessions sent").contains("2 unchanged");
    assertThat(gateway.changes()).isEmpty();

    db.put(A, "/Users/ada/work/npr", "2026-03-02T09:00:00Z", "2026-03-02T10:40:00Z", 5200);
    CliRunner.Result grown = cli.run("import", db.file().toString());

    assertThat(grown.code()).isZero();
    assertThat(gateway.batchSessions())
        .singleElement()
        .satisfies(
            session -> {
              assertThat(session.path("id").asString()).isEqualTo(SessionIds.of(A));
              assertThat(session.path("end").asString()).isEqualTo("2026-03-02T10:40:00Z");
              assertThat(session.path("trackedSeconds").asLong()).isEqualTo(5200);
            });
    assertThat(gateway.deletedIds()).isEmpty();
  }

  @Test
  void aRowGoneSinceTheLastImportIsDeleted() throws Exception {
    db.put(A, "/p", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", 3000);
    db.put(B, "/p", "2026-03-02T13:00:00Z", "2026-03-02T13:30:00Z", 1500);
    cli.run("import", db.file().toString());
    gateway.clear();

    db.delete(B);
    CliRunner.Result result = cli.run("import", db.file().toString());

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("1 deleted");
    assertThat(gateway.deletedIds()).containsExactly(SessionIds.of(B));
    assertThat(gateway.batchCount()).isZero();
    gateway.clear();
    assertThat(cli.run("import", db.file().toString()).code()).isZero();
    assertThat(gateway.changes()).isEmpty();
  }

  @Test
  void aSessionOver24HoursIsSentInPiecesAndItsPiecesFollowItsGrowth() throws Exception {
    db.put(A, "/p", "2026-03-01T20:00:00Z", "2026-03-03T02:00:00Z", 15_000);

    assertThat(cli.run("import", db.file().toString()).code()).isZero();

    String id = SessionIds.of(A);
    assertThat(gateway.batchSessions())
        .extracting(s -> s.path("id").asString(), s -> s.path("trackedSeconds").asLong())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(id + ".2026-03-01", 2000L),
            org.assertj.core.groups.Tuple.tuple(id + ".2026-03-02", 12000L),
            org.assertj.core.groups.Tuple.tuple(id + ".2026-03-03", 1000L));
    assertThat(gateway.batchSessions())
        .allSatisfy(
            s ->
                assertThat(
                        java.time.Duration.between(
                            java.time.Instant.parse(s.path("start").asString()),
                            java.time.Instant.parse(s.path("end").asString())))
                    .isLessThanOrEqualTo(java.time.Duration.ofHours(24)));

    // the row is corrected to a short session: the pieces go, the plain id comes
    gateway.clear();
    db.put(A, "/p", "2026-03-01T20:00:00Z", "2026-03-01T23:00:00Z", 9000);
    assertThat(cli.run("import", db.file().toString()).code()).isZero();

    assertThat(gateway.batchSessions())
        .extracting(s -> s.path("id").asString())
        .containsExactly(id);
    assertThat(gateway.deletedIds())
        .containsExactlyInAnyOrder(id + ".2026-03-01", id + ".2026-03-02", id + ".2026-03-03");
  }

  @Test
  void rejectedRowsAreReportedWithExit1AndTriedAgainNextTime() throws Exception {
    db.put(A, "/p", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", 3000);
    db.put(B, "/work/reject-me", "2026-03-02T13:00:00Z", "2026-03-02T13:30:00Z", 1500);

    CliRunner.Result result = cli.run("import", db.file().toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out())
        .contains("2 sessions sent (1 accepted, 1 rejected)")
        .contains("rejected " + B)
        .contains(SessionIds.of(B) + ": projectKey: refused by the fake gateway");
    gateway.clear();
    assertThat(cli.run("import", db.file().toString()).code()).isEqualTo(1);
    assertThat(gateway.batchSessions())
        .extracting(s -> s.path("id").asString())
        .containsExactly(SessionIds.of(B));
  }

  @Test
  void aLongImportGoesInBatchesOfAtMost1000WithAProgressLine() throws Exception {
    db.putMany(2500, "/Users/ada/work/bulk");

    CliRunner.Result result = cli.run("import", db.file().toString());

    assertThat(result.code()).isZero();
    assertThat(gateway.batchCount()).isEqualTo(3);
    assertThat(gateway.requests())
        .filteredOn(r -> r.path().equals("/api/v1/sessions/batch"))
        .allSatisfy(r -> assertThat(r.json().path("sessions").size()).isLessThanOrEqualTo(1000));
    assertThat(gateway.batchSessions()).hasSize(2500);
    assertThat(gateway.batchSessions().stream().map(s -> s.path("id").asString()).distinct())
        .hasSize(2500);
    assertThat(result.err())
        .contains("\rclaude-tracker: 1000/2500 sessions sent")
        .contains("\rclaude-tracker: 2500/2500 sessions sent (2500 accepted, 0 rejected)");
  }

  @Test
  void theStateFileIsOwnerOnlyAndBelongsToOneLogin() throws Exception {
    db.put(A, "/p", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", 3000);
    cli.run("import", db.file().toString());

    try (var files = Files.list(cli.stateDir())) {
      Path state = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
      assertThat(state.getFileName().toString())
          .isEqualTo(SessionIds.sha256Hex(db.file().toAbsolutePath().toString()) + ".json");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
          .isEqualTo("rw-------");
      assertThat(Files.readString(state))
          .contains(SessionIds.of(A))
          .doesNotContain(FakeGateway.USER_TOKEN);
    }

    gateway.clear();
    CliRunner.Result otherGateway =
        cli.env("FOCUSSYNC_URL", "http://localhost:" + gateway.url().getPort())
            .run("import", db.file().toString());

    assertThat(otherGateway.err()).contains("another gateway or token");
    assertThat(gateway.batchSessions()).hasSize(1);
  }

  @Test
  void theFormatIsToldFromTheFileAndAnAdminTokenIsRefused() throws Exception {
    db.put(A, "/p", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", 3000);
    db.close(); // the last connection checkpoints the WAL into the file
    Path renamed = dir.resolve("whatever.bin");
    Files.copy(db.file(), renamed);

    CliRunner.Result asAdmin =
        cli.env("FOCUSSYNC_TOKEN", FakeGateway.ADMIN_TOKEN).run("import", renamed.toString());

    assertThat(asAdmin.code()).isEqualTo(4);
    assertThat(asAdmin.err()).contains("admin token belongs to no user");
    assertThat(gateway.requests())
        .extracting(FakeGateway.Request::path)
        .containsExactly("/api/v1/sessions/batch");
  }
}
