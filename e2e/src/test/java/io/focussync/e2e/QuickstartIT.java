package io.focussync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.clockify.simulator.ClockifySimulator;
import io.focussync.clockify.simulator.SimEntry;
import io.focussync.e2e.support.E2eStack;
import io.focussync.testsupport.TestHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's Quickstart, run as written: every {@code bash} block of its section, in order, as a
 * newcomer would type them (the first, {@code ./focussync start}, in a terminal of its own),
 * against the Clockify simulator and a claude-tracker database built the way the tracker writes it.
 * The only things the test adds are the environment a user would have (a home folder with the
 * tracker's database, {@code CLOCKIFY_WORKSPACE}, {@code CLOCKIFY_API_KEY}) and a wait for the dry
 * run to preview the day before it goes live.
 */
class QuickstartIT {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern BASH_BLOCK =
      Pattern.compile("(?m)^([ \\t]*)```bash\\n(.*?)^\\1```", Pattern.DOTALL);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String WORKSPACE = "ws-quickstart";
  private static final String API_KEY = "quickstart-key-1234";
  private static final String NPR_TRANSCRIPT =
      "/Users/ada/.claude/projects/-Users-ada-work-npr/5f1c.jsonl";

  private final Path root =
      Path.of("target", "quickstart-it", String.valueOf(System.nanoTime())).toAbsolutePath();
  private final Path home = root.resolve("home");
  private final ClockifySimulator clockify = ClockifySimulator.start();
  private final Map<String, String> env = new HashMap<>();
  private Process stack;
  private Process watcher;

  @AfterEach
  void stopEverything() throws Exception {
    if (watcher != null) {
      watcher.destroy();
      watcher.waitFor(30, TimeUnit.SECONDS);
    }
    if (stack != null) {
      run("./focussync stop");
      if (!stack.waitFor(60, TimeUnit.SECONDS)) {
        stack.destroyForcibly();
      }
    }
    clockify.close();
  }

  @Test
  void theQuickstartTakesTrackedTimeFromClaudeTrackerToClockifyAndWatchFollowsTheTracker()
      throws Exception {
    List<String> blocks = quickstartBlocks();
    assertThat(blocks.get(0).strip()).isEqualTo("./focussync start");
    environment();
    LocalDate day = lastWeekdayBefore(LocalDate.now(ZoneOffset.UTC));
    writeTrackerDatabase(day);

    startStack(blocks.get(0));
    assertThat(TestHttp.get(gateway() + "/").status()).as("the dashboard").isEqualTo(200);

    List<String> outputs = new ArrayList<>();
    for (String block : blocks.subList(1, blocks.size())) {
      if (block.contains("go-live")) {
        awaitPreviewed(day);
        assertThat(clockify.entries(WORKSPACE)).as("nothing written during the dry run").isEmpty();
      }
      outputs.add(run(block));
    }

    String all = String.join("\n", outputs);
    assertThat(all)
        .contains("Signed in as ada")
        .contains("dry run")
        .contains("Pushing 1 previewed day(s) to Clockify:")
        .contains("  " + day);
    Awaitility.await("the previewed day in Clockify")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(trackedInClockify(day))
                    .as("a normalized work day, 09:00-17:00")
                    .isEqualTo(Duration.ofHours(8)));

    watchWhileTheTrackerWrites(day);
  }

  /**
   * {@code ./focussync watch} (the Quickstart's alternative to import) while the tracker rewrites a
   * growing session's row and drops another: each change reaches the user's sessions.
   */
  private void watchWhileTheTrackerWrites(LocalDate day) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                "bash",
                "-c",
                "./focussync watch ~/.claude-tracker/sessions.db --format claude-tracker")
            .directory(REPO.toFile())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("watch.log").toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    watcher = builder.start();

    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + trackerDatabase())) {
      session(sqlite, NPR_TRANSCRIPT, "/Users/ada/work/npr", day, "09:00", "12:30", 10800);
      long written = System.nanoTime();
      awaitSessions(day, sessions -> sessions.contains(day + "T12:30:00Z"));
      long grownMillis = (System.nanoTime() - written) / 1_000_000;
      try (Statement statement = sqlite.createStatement()) {
        statement.executeUpdate("DELETE FROM sessions WHERE project = '/Users/ada/work/site'");
      }
      awaitSessions(day, sessions -> !sessions.contains("site"));
      System.out.println(
          "QuickstartIT: a grown session reached the sessions "
              + grownMillis
              + " ms"
              + " after the tracker wrote it");
    }
    assertThat(watcher.isAlive()).as("watch keeps following the database").isTrue();
  }

  private void awaitSessions(LocalDate day, java.util.function.Predicate<String> condition) {
    Awaitility.await("the watched change in the sessions of " + day)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> run("./focussync sessions --from " + day + " --to " + day + " --json"),
            condition::test);
  }

  private Path trackerDatabase() {
    return home.resolve(".claude-tracker").resolve("sessions.db");
  }

  /** The bash blocks of the README's Quickstart section, unindented. */
  private static List<String> quickstartBlocks() throws IOException {
    String readme = Files.readString(REPO.resolve("README.md"));
    int start = readme.indexOf("\n## Quickstart\n");
    assertThat(start).as("README.md has a Quickstart section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    List<String> blocks = new ArrayList<>();
    Matcher matcher = BASH_BLOCK.matcher(section);
    while (matcher.find()) {
      String indent = matcher.group(1);
      StringBuilder block = new StringBuilder();
      for (String line : matcher.group(2).split("\n")) {
        block.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
      }
      blocks.add(block.toString());
    }
    assertThat(blocks).as("the Quickstart's commands").hasSizeGreaterThanOrEqualTo(4);
    return blocks;
  }

  /** A user's shell: their own home and data folder, free ports, the Clockify they connect to. */
  private void environment() throws IOException {
    env.putAll(System.getenv());
    env.keySet().removeIf(key -> key.startsWith("FOCUSSYNC_") || key.startsWith("CLOCKIFY_"));
    env.remove("XDG_CONFIG_HOME");
    env.putAll(E2eStack.freePortEnvironment());
    env.put("HOME", home.toString());
    env.put("FOCUSSYNC_DATA_DIR", root.resolve("data").toString());
    env.put("FOCUSSYNC_CLOCKIFY_ALLOWED_BASE_URLS", clockify.rootUrl());
    env.put("CLOCKIFY_BASE_URL", clockify.baseUrl());
    env.put("CLOCKIFY_WORKSPACE", WORKSPACE);
    env.put("CLOCKIFY_API_KEY", API_KEY);
    clockify.addKey(API_KEY, "cu-ada", "UTC", WORKSPACE);
    Files.createDirectories(home);
  }

  /**
   * claude-tracker's database as the tracker keeps it: WAL journal, its sessions table, rows
   * written with INSERT OR REPLACE (a live session's row rewritten as it grows).
   */
  private void writeTrackerDatabase(LocalDate day) throws IOException, SQLException {
    Path db = trackerDatabase();
    Files.createDirectories(db.getParent());
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = sqlite.createStatement()) {
      statement.execute("PRAGMA journal_mode=WAL");
      statement.execute(
          "CREATE TABLE sessions (source_path TEXT PRIMARY KEY, project TEXT NOT NULL, date TEXT"
              + " NOT NULL, start_time TEXT NOT NULL, end_time TEXT NOT NULL, duration_seconds"
              + " INTEGER NOT NULL, input_tokens INTEGER, output_tokens INTEGER,"
              + " cache_creation_input_tokens INTEGER, cache_read_input_tokens INTEGER)");
      session(sqlite, NPR_TRANSCRIPT, "/Users/ada/work/npr", day, "09:00", "10:00", 3000);
      session(sqlite, NPR_TRANSCRIPT, "/Users/ada/work/npr", day, "09:00", "12:00", 9000);
      session(
          sqlite,
          "/Users/ada/.claude/projects/-Users-ada-work-site/77aa.jsonl",
          "/Users/ada/work/site",
          day,
          "13:00",
          "14:00",
          3600);
    }
  }

  private static void session(
      Connection sqlite,
      String sourcePath,
      String project,
      LocalDate day,
      String start,
      String end,
      long durationSeconds)
      throws SQLException {
    try (PreparedStatement insert =
        sqlite.prepareStatement(
            "INSERT OR REPLACE INTO sessions (source_path, project, date, start_time, end_time,"
                + " duration_seconds, input_tokens, output_tokens, cache_creation_input_tokens,"
                + " cache_read_input_tokens) VALUES (?, ?, ?, ?, ?, ?, 1200, 3400, 0, 56000)")) {
      insert.setString(1, sourcePath);
      insert.setString(2, project);
      insert.setString(3, day.toString());
      insert.setString(4, day + "T" + start + ":00Z");
      insert.setString(5, day + "T" + end + ":00Z");
      insert.setLong(6, durationSeconds);
      insert.executeUpdate();
    }
  }

  /** The first block, in a terminal of its own: until it says the stack is up. */
  private void startStack(String block) throws IOException {
    Path log = root.resolve("start.log");
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", block)
            .directory(REPO.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    stack = builder.start();
    Awaitility.await("./focussync start")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              String out = Files.readString(log, StandardCharsets.UTF_8);
              assertThat(stack.isAlive()).as("the stack is running; its output:\n" + out).isTrue();
              return out.contains("Focus Sync is up");
            });
    assertThat(Files.readString(log)).contains("./focussync login --local");
  }

  /** A block as the user runs it in their shell; its output (stdout and stderr). */
  private String run(String block) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-euo", "pipefail", "-c", block)
            .directory(REPO.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean done = process.waitFor(5, TimeUnit.MINUTES);
    assertThat(done).as("finished: " + block).isTrue();
    assertThat(process.exitValue()).as(block + "\n" + out).isZero();
    return out;
  }

  /** The dry run applied the day's plan: what going live pushes. */
  private void awaitPreviewed(LocalDate day) {
    Awaitility.await("the dry run previews " + day)
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () -> {
              JsonNode view = JSON.readTree(run("./focussync status " + day + " --json"));
              return "SYNCED".equals(view.path("status").asString(""))
                  && view.path("sync").path("dryRun").asBoolean(false);
            });
  }

  private Duration trackedInClockify(LocalDate day) {
    Duration total = Duration.ZERO;
    for (SimEntry entry : clockify.entries(WORKSPACE)) {
      Instant start = Instant.parse(entry.start());
      if (start.atZone(ZoneOffset.UTC).toLocalDate().equals(day)) {
        total = total.plus(Duration.between(start, Instant.parse(entry.end())));
      }
    }
    return total;
  }

  private String gateway() {
    return "http://127.0.0.1:" + env.get("FOCUSSYNC_GATEWAY_PORT");
  }

  private static LocalDate lastWeekdayBefore(LocalDate today) {
    LocalDate day = today.minusDays(1);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.minusDays(1);
    }
    return day;
  }
}
