package io.focussync.ingest.imports;

import io.focussync.ingest.session.api.JsonBodies;
import io.focussync.ingest.session.api.SessionJson;
import io.focussync.platform.auth.CurrentUser;
import io.focussync.platform.web.InvalidInputException;
import io.focussync.platform.web.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * File imports: CSV or JSON Lines with a field mapping, or a SQLite database with a table and
 * column names. Answers 202 with the counts of accepted and rejected rows.
 */
@RestController
class ImportController {

  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  private final ImportService imports;

  ImportController(ImportService imports) {
    this.imports = imports;
  }

  @PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<String> importFile(
      CurrentUser user,
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String timeZone,
      @RequestParam Map<String, String> parameters)
      throws IOException {
    ZoneId zone = zone(timeZone);
    String kind = formatOf(format, file);
    Map<String, Object> answer;
    if (kind.equals("sqlite")) {
      answer = importSqlite(user.id(), file, parameters, zone);
    } else {
      ImportMapping mapping = fieldMapping(parameters, zone);
      try (Reader reader = utf8(file.getInputStream());
          RowReader rows =
              kind.equals("csv")
                  ? new CsvRowReader(reader, mapping)
                  : new NdjsonRowReader(reader, mapping)) {
        answer = imports.run(user.id(), rows);
      }
    }
    answer.put("format", kind);
    return ResponseEntity.accepted()
        .contentType(MediaType.APPLICATION_JSON)
        .body(JsonBodies.mapper().writeValueAsString(answer));
  }

  private Map<String, Object> importSqlite(
      String userId, MultipartFile file, Map<String, String> parameters, ZoneId zone)
      throws IOException {
    String table = identifier(parameters, "table", "sessions");
    Set<String> explicit = new HashSet<>();
    SessionJson.FieldNames names =
        new SessionJson.FieldNames(
            optionalIdentifier(parameters, "idColumn", "id", explicit),
            identifier(parameters, "projectColumn", "project"),
            identifier(parameters, "startColumn", "start"),
            identifier(parameters, "endColumn", "end"),
            optionalIdentifier(parameters, "trackedSecondsColumn", "tracked_seconds", explicit),
            optionalIdentifier(parameters, "titleColumn", "title", explicit),
            null,
            null);
    Path copy = Files.createTempFile("focussync-import-", ".sqlite");
    try {
      file.transferTo(copy);
      try (RowReader rows =
          new SqliteRowReader(copy, table, new ImportMapping(names, explicit, zone))) {
        return imports.run(userId, rows);
      }
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  private static ImportMapping fieldMapping(Map<String, String> parameters, ZoneId zone) {
    Set<String> explicit = new HashSet<>();
    SessionJson.FieldNames names =
        new SessionJson.FieldNames(
            field(parameters, "idField", "id", explicit),
            field(parameters, "projectField", "projectKey", null),
            field(parameters, "startField", "start", null),
            field(parameters, "endField", "end", null),
            field(parameters, "trackedSecondsField", "trackedSeconds", explicit),
            field(parameters, "titleField", "title", explicit),
            field(parameters, "tagsField", "tags", explicit),
            field(parameters, "timeZoneField", "timeZone", explicit));
    return new ImportMapping(names, explicit, zone);
  }

  private static String field(
      Map<String, String> parameters, String parameter, String fallback, Set<String> explicit) {
    String value = parameters.get(parameter);
    if (value == null) {
      return fallback;
    }
    if (value.isBlank() || value.length() > 200) {
      throw InvalidInputException.of(parameter, "must be a field name of 1 to 200 characters");
    }
    if (explicit != null) {
      explicit.add(value);
    }
    return value;
  }

  private static String identifier(
      Map<String, String> parameters, String parameter, String fallback) {
    String value = parameters.getOrDefault(parameter, fallback);
    if (!ImportValues.isIdentifier(value)) {
      throw InvalidInputException.of(
          parameter, "must be an identifier: a letter or _, then letters, digits or _ (max 64)");
    }
    return value;
  }

  private static String optionalIdentifier(
      Map<String, String> parameters, String parameter, String fallback, Set<String> explicit) {
    String value = identifier(parameters, parameter, fallback);
    if (parameters.containsKey(parameter)) {
      explicit.add(value);
    }
    return value;
  }

  private static ZoneId zone(String timeZone) {
    if (timeZone == null) {
      return null;
    }
    if (!ZONES.contains(timeZone)) {
      throw InvalidInputException.of("timeZone", "is not a known IANA time zone");
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw InvalidInputException.of("timeZone", "is not a known IANA time zone");
    }
  }

  private static String formatOf(String format, MultipartFile file) throws IOException {
    if (format != null) {
      String normalized = format.toLowerCase(Locale.ROOT);
      if (normalized.equals("jsonl") || normalized.equals("ndjson")) {
        return "ndjson";
      }
      if (normalized.equals("csv") || normalized.equals("sqlite")) {
        return normalized;
      }
      throw InvalidInputException.of("format", "must be csv, ndjson or sqlite");
    }
    String type =
        file.getContentType() == null ? "" : file.getContentType().toLowerCase(Locale.ROOT);
    String name =
        file.getOriginalFilename() == null
            ? ""
            : file.getOriginalFilename().toLowerCase(Locale.ROOT);
    if (type.startsWith("text/csv") || name.endsWith(".csv")) {
      return "csv";
    }
    if (type.contains("ndjson")
        || type.contains("jsonl")
        || name.endsWith(".ndjson")
        || name.endsWith(".jsonl")) {
      return "ndjson";
    }
    if (type.contains("sqlite")
        || name.endsWith(".sqlite")
        || name.endsWith(".sqlite3")
        || name.endsWith(".db")) {
      return "sqlite";
    }
    try (InputStream in = file.getInputStream()) {
      if (new String(in.readNBytes(15), StandardCharsets.US_ASCII).equals("SQLite format 3")) {
        return "sqlite";
      }
    }
    throw InvalidInputException.of(
        "format", "cannot be told from the file: give format=csv, ndjson or sqlite");
  }

  private static Reader utf8(InputStream in) {
    return new java.io.BufferedReader(
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)),
        64 * 1024);
  }

  @ExceptionHandler(ImportStoppedException.class)
  ResponseEntity<ProblemDetail> stopped(ImportStoppedException e) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    ProblemDetail problem =
        Problems.of(
            status,
            status == HttpStatus.SERVICE_UNAVAILABLE ? "Service Unavailable" : "Invalid import",
            e.getMessage());
    problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
    problem.setProperty("accepted", e.accepted());
    problem.setProperty("rejected", e.rejected());
    ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
    if (e.retryAfter() != null) {
      response.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()));
    }
    return response.body(problem);
  }

  @ExceptionHandler(CharacterCodingException.class)
  ResponseEntity<ProblemDetail> notUtf8(CharacterCodingException e) {
    return stopped(new ImportStoppedException(400, "file", "the file is not valid UTF-8"));
  }

  @ExceptionHandler({UncheckedIOException.class, IOException.class})
  ResponseEntity<ProblemDetail> unreadable(Exception e) {
    return stopped(new ImportStoppedException(400, "file", "the file could not be read"));
  }
}
