package io.focussync.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.focussync.contracts.sessions.v1.SessionRecorded;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @TempDir Path dir;
  IngestApi api;

  @BeforeEach
  void setUp() {
    api = new IngestApi(port);
  }

  record Answer(int status, JsonNode body, String contentType) {}

  Answer upload(
      String user, String fileName, String contentType, byte[] file, Map<String, String> params)
      throws IOException, InterruptedException {
    String boundary = "----focussync" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> param : params.entrySet()) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + param.getKey()
                  + "\"\r\n\r\n"
                  + param.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(file);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api.url("/api/v1/imports")))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary);
    IngestApi.signed(user).forEach(request::header);
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        JSON.readTree(response.body()),
        response.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void csvWithAFieldMappingIsImportedRowByRow() throws Exception {
    String user = IngestApi.newUser();
    String csv =
        "ref,project,from,to,what\r\n"
            + "a1,acme/web,2026-01-10T09:00:00+01:00,2026-01-10T10:00:00+01:00,\"Review, \"\"quick\"\"\"\n"
            + "a2,acme/api,1768035600,1768039200,epoch seconds\n"
            + "a3,acme/api,2026-01-10T10:00:00,2026-01-10T11:00:00Z,no offset\n"
            + "a4,,2026-01-10T09:00:00Z,2026-01-10T10:00:00Z,blank project\n"
            + "a5,acme/web,2026-01-10T09:00:00Z\n"
            + ",acme/docs,2026-01-11T09:00:00Z,2026-01-11T09:30:00Z,\"multi\nline\"\n";

    Answer answer =
        upload(
            user,
            "sessions.csv",
            "text/csv",
            csv.getBytes(StandardCharsets.UTF_8),
            Map.of(
                "idField", "ref",
                "projectField", "project",
                "startField", "from",
                "endField", "to",
                "titleField", "what"));

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.body().get("accepted").asInt()).isEqualTo(3);
    assertThat(answer.body().get("rejected").asInt()).isEqualTo(3);
    assertThat(answer.body().get("errors").toString())
        .contains("\"row\":3")
        .contains("\"field\":\"start\"")
        .contains("\"row\":4")
        .contains("\"field\":\"projectKey\"")
        .contains("\"row\":5");
    List<SessionRecorded> events = IngestApi.recorded(IngestApi.events(user));
    assertThat(events).hasSize(3);
    assertThat(events.get(0).sessionId()).isEqualTo("import:a1");
    assertThat(events.get(0).source()).isEqualTo("import");
    assertThat(events.get(0).title()).isEqualTo("Review, \"quick\"");
    assertThat(events.get(1).start()).isEqualTo(Instant.ofEpochSecond(1768035600));
    assertThat(events.get(2).sessionId()).startsWith("import:");
    assertThat(events.get(2).title()).isEqualTo("multi\nline");
  }

  @Test
  void reimportingAFileWithoutIdsGivesTheSameSessionIds() throws Exception {
    String user = IngestApi.newUser();
    byte[] csv =
        ("projectKey,start,end\n"
                + "p,2026-01-10T09:00:00Z,2026-01-10T10:00:00Z\n"
                + "q,2026-01-10T10:00:00Z,2026-01-10T11:00:00Z\n")
            .getBytes(StandardCharsets.UTF_8);

    upload(user, "a.csv", "text/csv", csv, Map.of());
    upload(user, "a.csv", "text/csv", csv, Map.of());

    List<SessionRecorded> events = IngestApi.recorded(IngestApi.events(user));
    assertThat(events).hasSize(4);
    assertThat(events.get(2).sessionId()).isEqualTo(events.get(0).sessionId());
    assertThat(events.get(3).sessionId()).isEqualTo(events.get(1).sessionId());
    assertThat(events.get(2).version()).isGreaterThan(events.get(0).version());
  }

  @Test
  void csvWithMissingColumnsOrBrokenBytesIs400AndPublishesNothing() throws Exception {
    String user = IngestApi.newUser();
    byte[] missing = "project,start\np,2026-01-10T09:00:00Z\n".getBytes(StandardCharsets.UTF_8);
    byte[] broken =
        "projectKey,start,end\ncaf\u00e9,2026-01-10T09:00:00Z,2026-01-10T10:00:00Z\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    Answer noColumns = upload(user, "a.csv", "text/csv", missing, Map.of());
    Answer explicitMissing =
        upload(
            user,
            "b.csv",
            "text/csv",
            "projectKey,start,end\n".getBytes(StandardCharsets.UTF_8),
            Map.of("titleField", "nope"));
    Answer notUtf8 = upload(user, "c.csv", "text/csv", broken, Map.of());
    Answer empty = upload(user, "d.csv", "text/csv", new byte[0], Map.of());

    assertThat(noColumns.status()).isEqualTo(400);
    assertThat(noColumns.contentType()).startsWith("application/problem+json");
    assertThat(noColumns.body().get("detail").asString()).contains("projectKey").contains("end");
    assertThat(explicitMissing.status()).isEqualTo(400);
    assertThat(notUtf8.status()).isEqualTo(400);
    assertThat(notUtf8.body().get("detail").asString()).contains("UTF-8");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(IngestApi.events(user)).isEmpty();
  }

  @Test
  void jsonLinesWithAFieldMapping() throws Exception {
    String user = IngestApi.newUser();
    String ndjson =
        "{\"key\":1,\"proj\":\"p\",\"s\":\"2026-01-10T09:00:00Z\",\"e\":1768039200,\"tags\":[\"x\"]}\n"
            + "\n"
            + "{not json\n"
            + "{\"key\":3,\"proj\":[],\"s\":\"2026-01-10T09:00:00Z\",\"e\":\"2026-01-10T10:00:00Z\"}\n"
            + "{\"key\":4,\"proj\":\"q\",\"s\":\"2026-01-10T09:00:00\",\"e\":\"2026-01-10T10:00:00\"}\n";

    Answer answer =
        upload(
            user,
            "s.ndjson",
            "application/x-ndjson",
            ndjson.getBytes(StandardCharsets.UTF_8),
            Map.of(
                "idField", "key",
                "projectField", "proj",
                "startField", "s",
                "endField", "e",
                "timeZone", "Europe/Madrid"));

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.body().get("accepted").asInt()).isEqualTo(2);
    assertThat(answer.body().get("rejected").asInt()).isEqualTo(2);
    assertThat(answer.body().get("errors").toString()).contains("\"row\":3").contains("proj");
    List<SessionRecorded> events = IngestApi.recorded(IngestApi.events(user));
    assertThat(events)
        .extracting(SessionRecorded::sessionId)
        .containsExactly("import:1", "import:4");
    assertThat(events.get(0).tags()).containsExactly("x");
    assertThat(events.get(1).start()).isEqualTo(Instant.parse("2026-01-10T08:00:00Z"));
  }

  @Test
  void trackedSecondsFromAMappedCsvColumnAndTheJsonLinesField() throws Exception {
    String user = IngestApi.newUser();
    String csv =
        "id,projectKey,start,end,active\n"
            + "c1,p,2026-01-10T09:00:00Z,2026-01-10T10:00:00Z, 1800 \n"
            + "c2,p,2026-01-10T09:00:00Z,2026-01-10T10:00:00Z,\n"
            + "c3,p,2026-01-10T09:00:00Z,2026-01-10T10:00:00Z,1.5\n"
            + "c4,p,2026-01-10T09:00:00Z,2026-01-10T10:00:00Z,3601\n";
    String ndjson =
        "{\"id\":\"n1\",\"projectKey\":\"p\",\"start\":\"2026-01-10T09:00:00Z\","
            + "\"end\":\"2026-01-10T10:00:00Z\",\"trackedSeconds\":60}\n"
            + "{\"id\":\"n2\",\"projectKey\":\"p\",\"start\":\"2026-01-10T09:00:00Z\","
            + "\"end\":\"2026-01-10T10:00:00Z\",\"trackedSeconds\":\"60\"}\n"
            + "{\"id\":\"n3\",\"projectKey\":\"p\",\"start\":\"2026-01-10T09:00:00Z\","
            + "\"end\":\"2026-01-10T10:00:00Z\",\"trackedSeconds\":0}\n";

    Answer fromCsv =
        upload(
            user,
            "s.csv",
            "text/csv",
            csv.getBytes(StandardCharsets.UTF_8),
            Map.of("trackedSecondsField", "active"));
    Answer fromJsonLines =
        upload(
            user,
            "s.ndjson",
            "application/x-ndjson",
            ndjson.getBytes(StandardCharsets.UTF_8),
            Map.of());
    Answer missingColumn =
        upload(
            user,
            "s.csv",
            "text/csv",
            csv.getBytes(StandardCharsets.UTF_8),
            Map.of("trackedSecondsField", "duration_seconds"));

    assertThat(fromCsv.body().get("accepted").asInt()).isEqualTo(2);
    assertThat(fromCsv.body().get("errors").toString())
        .contains("\"row\":3")
        .contains("\"row\":4")
        .contains("\"field\":\"trackedSeconds\"");
    assertThat(fromJsonLines.body().get("accepted").asInt()).isEqualTo(1);
    assertThat(fromJsonLines.body().get("errors").toString())
        .contains("\"row\":2")
        .contains("\"row\":3")
        .doesNotContain("\"row\":1");
    assertThat(missingColumn.status()).isEqualTo(400);
    assertThat(missingColumn.body().get("detail").asString()).contains("duration_seconds");
    assertThat(IngestApi.recorded(IngestApi.events(user)))
        .extracting(SessionRecorded::sessionId, SessionRecorded::trackedSeconds)
        .containsExactly(
            tuple("import:c1", 1800L), tuple("import:c2", null), tuple("import:n1", 60L));
  }

  @Test
  void trackedSecondsFromAMappedSqliteColumn() throws Exception {
    String user = IngestApi.newUser();
    Path file = dir.resolve("claude.db");
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      // No declared type for the duration: its values keep their storage class (900.0 a REAL).
      statement.execute(
          "CREATE TABLE sessions (id TEXT, project TEXT, \"start\" TEXT, \"end\" TEXT,"
              + " duration_seconds)");
      statement.execute(
          "INSERT INTO sessions VALUES"
              + " ('int', 'p', '2026-01-10T09:00:00Z', '2026-01-10T10:00:00Z', 1800),"
              + " ('real', 'p', '2026-01-10T09:00:00Z', '2026-01-10T10:00:00Z', 900.0),"
              + " ('none', 'p', '2026-01-10T09:00:00Z', '2026-01-10T10:00:00Z', NULL),"
              + " ('fraction', 'p', '2026-01-10T09:00:00Z', '2026-01-10T10:00:00Z', 1800.5),"
              + " ('over', 'p', '2026-01-10T09:00:00Z', '2026-01-10T10:00:00Z', 3601)");
    }

    Answer answer =
        upload(
            user,
            "claude.db",
            "application/vnd.sqlite3",
            Files.readAllBytes(file),
            Map.of("trackedSecondsColumn", "duration_seconds"));

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.body().get("accepted").asInt()).isEqualTo(3);
    assertThat(answer.body().get("errors").toString())
        .contains("\"row\":4")
        .contains("\"row\":5")
        .contains("\"field\":\"trackedSeconds\"");
    assertThat(IngestApi.recorded(IngestApi.events(user)))
        .extracting(SessionRecorded::sessionId, SessionRecorded::trackedSeconds)
        .containsExactly(
            tuple("import:int", 1800L), tuple("import:real", 900L), tuple("import:none", null));
  }

  @Test
  void sqliteDatabaseOfALocalTracker() throws Exception {
    String user = IngestApi.newUser();
    Path db = sqlite("tracker.db", "work_log", "proj", "began", "ended");

    Answer answer =
        upload(
            user,
            "tracker.db",
            "application/octet-stream",
            Files.readAllBytes(db),
            Map.of(
                "table", "work_log",
                "projectColumn", "proj",
                "startColumn", "began",
                "endColumn", "ended"));

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.body().get("format").asString()).isEqualTo("sqlite");
    assertThat(answer.body().get("accepted").asInt()).isEqualTo(2);
    assertThat(answer.body().get("rejected").asInt()).isEqualTo(1);
    List<SessionRecorded> events = IngestApi.recorded(IngestApi.events(user));
    assertThat(events)
        .extracting(SessionRecorded::sessionId)
        .containsExactly("import:1", "import:2");
    assertThat(events.get(1).start()).isEqualTo(Instant.ofEpochSecond(1768035600));
    assertThat(events.get(0).title()).isEqualTo("first");
  }

  @Test
  void sqliteWithDefaultNames() throws Exception {
    String user = IngestApi.newUser();
    Path db = sqlite("default.sqlite", "sessions", "project", "start", "end");

    Answer answer =
        upload(user, "default.sqlite", "application/vnd.sqlite3", Files.readAllBytes(db), Map.of());

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.body().get("accepted").asInt()).isEqualTo(2);
  }

  @Test
  void badSqliteFilesAndNamesAre400AndPublishNothing() throws Exception {
    String user = IngestApi.newUser();
    byte[] db = Files.readAllBytes(sqlite("good.sqlite", "sessions", "project", "start", "end"));
    Map<String, String> sqlite = Map.of("format", "sqlite");

    Answer truncated =
        upload(
            user, "t.sqlite", "application/octet-stream", Arrays.copyOf(db, db.length / 2), sqlite);
    Answer headerOnly =
        upload(user, "h.sqlite", "application/octet-stream", Arrays.copyOf(db, 100), sqlite);
    Answer notSqlite =
        upload(user, "n.sqlite", "application/octet-stream", "hello".getBytes(), sqlite);
    Answer injection =
        upload(
            user,
            "i.sqlite",
            "application/octet-stream",
            db,
            Map.of("format", "sqlite", "table", "sessions; DROP TABLE sessions"));
    Answer quoteColumn =
        upload(
            user,
            "q.sqlite",
            "application/octet-stream",
            db,
            Map.of("format", "sqlite", "projectColumn", "project\" FROM x --"));
    Answer noTable =
        upload(
            user,
            "u.sqlite",
            "application/octet-stream",
            db,
            Map.of("format", "sqlite", "table", "nothing_here"));
    Answer noColumn =
        upload(
            user,
            "c.sqlite",
            "application/octet-stream",
            db,
            Map.of("format", "sqlite", "startColumn", "missing"));

    assertThat(truncated.status()).isEqualTo(400);
    assertThat(truncated.body().get("detail").asString()).contains("truncated");
    assertThat(headerOnly.status()).isEqualTo(400);
    assertThat(notSqlite.status()).isEqualTo(400);
    assertThat(notSqlite.body().get("detail").asString()).contains("not a SQLite");
    assertThat(injection.status()).isEqualTo(400);
    assertThat(injection.body().toString()).contains("\"field\":\"table\"");
    assertThat(quoteColumn.status()).isEqualTo(400);
    assertThat(noTable.status()).isEqualTo(400);
    assertThat(noColumn.status()).isEqualTo(400);
    assertThat(noColumn.body().get("detail").asString()).contains("missing");
    assertThat(IngestApi.events(user)).isEmpty();
  }

  @Test
  void largeFilesAreStreamedAndPublishedInChunks() throws Exception {
    String user = IngestApi.newUser();
    StringBuilder csv = new StringBuilder("id,projectKey,start,end\n");
    long base = 1767225600; // 2026-01-01T00:00:00Z
    for (int i = 0; i < 2000; i++) {
      long start = base + i * 600L;
      csv.append("r")
          .append(i)
          .append(",p")
          .append(i % 9)
          .append(',')
          .append(start)
          .append(',')
          .append(start + 300)
          .append('\n');
    }

    Answer answer =
        upload(
            user, "big.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.body().get("accepted").asInt()).isEqualTo(2000);
    assertThat(IngestApi.events(user)).hasSize(2000);
  }

  private Path sqlite(String name, String table, String project, String start, String end)
      throws Exception {
    Path file = dir.resolve(name);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE "
              + table
              + " (id INTEGER PRIMARY KEY, "
              + project
              + " TEXT, \""
              + start
              + "\" ANY, \""
              + end
              + "\" ANY, title TEXT, note BLOB)");
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + table
                  + " ("
                  + project
                  + ", \""
                  + start
                  + "\", \""
                  + end
                  + "\", title) VALUES (?, ?, ?, ?)")) {
        insert.setString(1, "acme/web");
        insert.setString(2, "2026-01-10T09:00:00+01:00");
        insert.setString(3, "2026-01-10T10:00:00+01:00");
        insert.setString(4, "first");
        insert.executeUpdate();
        insert.setString(1, "acme/api");
        insert.setLong(2, 1768035600L);
        insert.setLong(3, 1768039200L);
        insert.setString(4, null);
        insert.executeUpdate();
        insert.setString(1, "acme/api");
        insert.setLong(2, 1768039200L);
        insert.setLong(3, 1768035600L);
        insert.setString(4, "ends before it starts");
        insert.executeUpdate();
      }
      // Some filler so that a half file is missing pages.
      statement.execute("CREATE TABLE filler (x TEXT)");
      for (int i = 0; i < 50; i++) {
        statement.execute("INSERT INTO filler VALUES ('" + "f".repeat(2000) + "')");
      }
    }
    return file;
  }
}
