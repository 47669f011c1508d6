package io.focussync.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.cli.support.CliRunner;
import io.focussync.cli.support.FakeGateway;
import io.focussync.cli.support.FakeGateway.Response;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command against a fake gateway: requests sent, output, exit codes. */
class CommandsTest {

  @TempDir Path dir;
  private FakeGateway gateway;
  private CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    gateway = new FakeGateway();
    cli = new CliRunner(dir.resolve("home"));
  }

  @AfterEach
  void tearDown() {
    gateway.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "start",
        "stop",
        "build",
        "login",
        "users",
        "users create",
        "connect",
        "connect clockify",
        "import",
        "watch",
        "sessions",
        "status",
        "history",
        "go-live",
        "export",
        "import-data"
      })
  void everyCommandHasHelpWithTheExitCodes(String command) {
    String[] args = (command + " --help").strip().split(" ");

    CliRunner.Result result = cli.run(args);

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .startsWith("Usage: focussync " + command)
        .contains("Exit codes:")
        .contains("3   cannot reach the gateway or the store, or not logged in")
        .contains("4   the gateway refused the token");
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void theRootHelpListsTheCommands() {
    CliRunner.Result result = cli.run("--help");

    assertThat(result.out())
        .contains("start", "stop", "build", "login", "users", "connect", "import", "watch")
        .contains("sessions", "status", "history", "export", "import-data");
  }

  @Test
  void usageErrorsAreExit2() {
    assertThat(cli.run("sessions", "--frm", "2026-01-01").code()).isEqualTo(2);
    CliRunner.Result badDate = cli.run("sessions", "--from", "01/02/2026");
    assertThat(badDate.code()).isEqualTo(2);
    assertThat(badDate.err()).contains("is not a date YYYY-MM-DD");
    assertThat(cli.run("nonsense").code()).isEqualTo(2);
    assertThat(cli.run().code()).isEqualTo(2);
    assertThat(cli.run("watch", "x.db", "--interval", "soon").code()).isEqualTo(2);
    assertThat(cli.run("import", dir.resolve("missing.csv").toString()).code()).isEqualTo(2);
    assertThat(cli.run("login", "--url", "ftp://x", "--token", "t").code()).isEqualTo(2);
  }

  @Test
  void anUnreachableGatewayIsExit3() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    CliRunner.Result result =
        cli.run("login", "--url", "http://127.0.0.1:" + closedPort, "--token", "t");

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err()).contains("Cannot reach the gateway at http://127.0.0.1:" + closedPort);
    assertThat(cli.configFile()).doesNotExist();
  }

  @Test
  void usersCreatePrintsTheIdAndTheTokenOnce() {
    cli.run("login", "--url", gateway.url().toString(), "--token", FakeGateway.ADMIN_TOKEN);
    gateway.clear();

    CliRunner.Result result = cli.run("users", "create", "grace");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("Created user grace (id u-new)")
        .contains("Token: fresh-token-42")
        .contains("./focussync login --url " + gateway.url() + " --token fresh-token-42");
    assertThat(gateway.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.path()).isEqualTo("/api/v1/admin/users");
              assertThat(request.json().path("name").asString()).isEqualTo("grace");
            });
  }

  @Test
  void usersCreateWithAUsersTokenIsExit4() {
    cli.loggedIn(gateway);

    CliRunner.Result result = cli.run("users", "create", "grace");

    assertThat(result.code()).isEqualTo(4);
    assertThat(result.err()).contains("Forbidden (403): This needs the admin token.");
  }

  @Test
  void sessionsAreATableOfTheRange() {
    cli.loggedIn(gateway);
    gateway.on(
        "GET",
        "/api/v1/sessions",
        request ->
            Response.json(
                200,
                """
                {"sessions": [
                  {"id": "rest:ct-abc", "source": "rest", "projectKey": "/Users/ada/work/npr",
                   "start": "2026-03-02T10:00:00+01:00", "end": "2026-03-02T11:30:00+01:00",
                   "title": "a1.jsonl", "version": 1},
                  {"id": "import:x", "source": "import", "projectKey": "focus",
                   "start": "2026-03-03T23:30:00+01:00", "end": "2026-03-04T00:15:00+01:00",
                   "title": null, "version": 2}
                ]}"""));

    CliRunner.Result result = cli.run("sessions", "--from", "2026-03-02", "--to", "2026-03-04");

    assertThat(result.code()).isZero();
    assertThat(gateway.requests().get(0).query()).isEqualTo("from=2026-03-02&to=2026-03-04");
    assertThat(result.out().lines())
        .first()
        .asString()
        .matches("START +END +SPAN +PROJECT +TITLE +ID");
    assertThat(result.out())
        .contains("2026-03-02 10:00  11:30")
        .contains("1h 30m  /Users/ada/work/npr  a1.jsonl")
        .contains("2026-03-03 23:30  2026-03-04 00:15")
        .contains("2 sessions from 2026-03-02 to 2026-03-04, 2h 15m in all.");

    CliRunner.Result json = cli.run("sessions", "--from", "2026-03-02", "--json");
    assertThat(json.out()).contains("\"projectKey\"").contains("rest:ct-abc");
  }

  @Test
  void statusShowsBucketsPlanAndSyncOfTodayInTheUsersZone() {
    cli.loggedIn(gateway).clock(Clock.fixed(Instant.parse("2026-03-02T20:00:00Z"), ZoneOffset.UTC));
    gateway.on(
        "GET",
        "/api/v1/settings/allocation",
        request -> Response.json(200, "{\"timeZone\": \"Pacific/Kiritimati\"}"));
    gateway.on(
        "GET",
        "/api/v1/days/2026-03-03",
        request ->
            Response.json(
                200,
                """
                {"date": "2026-03-03", "timeZone": "Pacific/Kiritimati", "workday": true,
                 "status": "FAILED", "lateChanges": false,
                 "buckets": [{"bucket": "/Users/ada/work/npr", "projectId": "p-npr",
                   "trackedSeconds": 5400, "share": 0.75, "rule": "PREFIX /Users/ada/work",
                   "keys": [{"projectKey": "/Users/ada/work/npr/api", "trackedSeconds": 5400,
                     "rule": "PREFIX /Users/ada/work"}]},
                  {"bucket": "other", "projectId": "p-other", "trackedSeconds": 1800,
                   "share": 0.25, "rule": "otherProjectId"}],
                 "plan": {"revision": 2, "mode": "NORMALIZED", "pushed": true,
                   "entries": [{"slot": "s1", "projectId": "p-npr",
                     "start": "2026-03-03T09:00:00+14:00", "end": "2026-03-03T15:00:00+14:00",
                     "description": "Development"}]},
                 "sync": {"appliedRevision": 1, "dryRun": true,
                   "entries": [{"slot": "s1", "clockifyEntryId": "ce-1", "state": "CREATED"}],
                   "lastError": "Clockify said 500"}}"""));

    CliRunner.Result result = cli.run("status");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("2026-03-03 (Tuesday)  Pacific/Kiritimati  workday")
        .contains("Status: FAILED")
        .containsPattern(
            "\n  /Users/ada/work/npr +p-npr +1h 30m +75\\.0% +PREFIX /Users/ada/work\n")
        .containsPattern("\n    /Users/ada/work/npr/api +1h 30m +PREFIX /Users/ada/work\n")
        .contains("Plan: revision 2, NORMALIZED, pushed")
        .contains("s1    09:00  15:00  p-npr    Development")
        .contains("Sync: revision 1 applied (dry run")
        .contains("s1    ce-1            CREATED")
        .contains("Last error: Clockify said 500");
  }

  @Test
  void statusOfADayWithoutSessions() {
    cli.loggedIn(gateway);
    gateway.on(
        "GET",
        "/api/v1/days/2026-03-07",
        request ->
            Response.json(
                200,
                "{\"date\":\"2026-03-07\",\"timeZone\":\"UTC\",\"workday\":false,"
                    + "\"status\":\"NO_SESSIONS\",\"buckets\":[]}"));

    CliRunner.Result result = cli.run("status", "2026-03-07");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("not a workday")
        .contains("Status: NO_SESSIONS")
        .contains("Buckets: none")
        .contains("Plan: none")
        .contains("Sync: not synced yet");
  }

  @Test
  void historyIsATableAndProblemsShowTheirFieldErrors() {
    cli.loggedIn(gateway);
    gateway.on(
        "GET",
        "/api/v1/sync/history",
        request ->
            request.query().contains("from=2026-03-01")
                ? Response.json(
                    200,
                    """
                    {"runs": [{"date": "2026-03-02", "revision": 3, "at": "2026-03-02T17:00:05Z",
                      "created": 2, "updated": 1, "deleted": 0, "failed": 0, "dryRun": false,
                      "status": "APPLIED"}]}""")
                : new Response(
                    400,
                    "application/problem+json",
                    """
                    {"type": "https://focussync.io/problems/bad-request", "title": "Bad Request",
                     "status": 400, "detail": "2 problems",
                     "errors": [{"field": "to", "message": "must not be before from"},
                                {"field": "from", "message": "must be a date YYYY-MM-DD"}]}""",
                    Map.of()));

    CliRunner.Result ok =
        cli.clock(Clock.fixed(Instant.parse("2026-03-02T20:00:00Z"), ZoneOffset.UTC))
            .run("history", "--from", "2026-03-01", "--to", "2026-03-05");
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).contains("2026-03-02    3  2026-03-02 17:00:05").contains("live");

    CliRunner.Result refused = cli.run("history", "--from", "2026-03-09", "--to", "2026-03-05");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err())
        .contains("Bad Request (400): 2 problems")
        .contains("  to: must not be before from")
        .contains("  from: must be a date YYYY-MM-DD");
  }

  @Test
  void goLiveAsksForTheLast30DaysByDefaultAndListsTheDaysPushed() {
    cli.loggedIn(gateway);
    gateway.on(
        "POST",
        "/api/v1/connections/clockify/go-live",
        request ->
            request.json().path("from").asString().equals("2026-02-01")
                ? Response.json(
                    202,
                    """
                    {"from": "2026-02-01", "to": "2026-03-03", "days": ["2026-03-02", "2026-03-03"]}""")
                : Response.json(
                    202,
                    """
                    {"from": "2026-03-09", "to": "2026-03-09", "days": []}"""));

    CliRunner.Result pushed =
        cli.clock(Clock.fixed(Instant.parse("2026-03-03T20:00:00Z"), ZoneOffset.UTC))
            .run("go-live");
    CliRunner.Result nothing = cli.run("go-live", "--from", "2026-03-09", "--to", "2026-03-09");

    assertThat(pushed.code()).isZero();
    assertThat(gateway.changes().get(0).json().path("to").asString()).isEqualTo("2026-03-03");
    assertThat(pushed.out())
        .contains("Pushing 2 previewed day(s) to Clockify:")
        .contains("  2026-03-02\n  2026-03-03");
    assertThat(nothing.code()).isZero();
    assertThat(nothing.out()).contains("No previewed days from 2026-03-09 to 2026-03-09 to push.");
  }

  @Test
  void aCsvIsUploadedAsMultipartWithItsFormatAndParameters() throws Exception {
    cli.loggedIn(gateway);
    Path csv = dir.resolve("sessions.csv");
    Files.writeString(
        csv, "id,project,start,end\n1,npr,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z\n");
    gateway.on(
        "POST",
        "/api/v1/imports",
        request ->
            Response.json(
                202,
                """
                {"accepted": 1, "rejected": 1, "format": "csv", "errorsTruncated": false,
                 "errors": [{"row": 3, "errors": [{"field": "end", "message": "must be after start"}]}]}"""));

    CliRunner.Result result =
        cli.run(
            "import", csv.toString(), "-p", "projectField=project", "--time-zone", "Europe/Madrid");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out())
        .contains("Imported sessions.csv (csv): 1 accepted, 1 rejected.")
        .contains("row 3: end: must be after start");
    FakeGateway.Request upload = gateway.requests().get(0);
    assertThat(upload.header("Content-Type")).startsWith("multipart/form-data; boundary=");
    assertThat(upload.text())
        .contains("Content-Disposition: form-data; name=\"format\"\r\n\r\ncsv\r\n")
        .contains("name=\"timeZone\"\r\n\r\nEurope/Madrid\r\n")
        .contains("name=\"projectField\"\r\n\r\nproject\r\n")
        .contains(
            "name=\"file\"; filename=\"sessions.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + Files.readString(csv)
                + "\r\n");
  }

  @Test
  void aGenericSqliteDatabaseIsUploadedNotReadHere() throws Exception {
    cli.loggedIn(gateway);
    Path sqlite = dir.resolve("focus.data");
    try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        var statement = connection.createStatement()) {
      statement.execute("CREATE TABLE sessions(id TEXT, project TEXT, start TEXT, end TEXT)");
    }
    gateway.on(
        "POST",
        "/api/v1/imports",
        request ->
            Response.json(202, "{\"accepted\": 0, \"rejected\": 0, \"format\": \"sqlite\"}"));

    CliRunner.Result result = cli.run("import", sqlite.toString());

    assertThat(result.code()).isZero();
    assertThat(gateway.requests().get(0).text())
        .contains("name=\"format\"\r\n\r\nsqlite\r\n")
        .contains("Content-Type: application/vnd.sqlite3");
  }

  @Test
  void aFileOfUnknownFormatNeedsFormat() throws Exception {
    cli.loggedIn(gateway);
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "hello");

    CliRunner.Result result = cli.run("import", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("give --format");
    assertThat(gateway.requests()).isEmpty();
  }
}
