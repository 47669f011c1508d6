package io.focussync.cli.imports;

import io.focussync.cli.CliException;
import io.focussync.cli.claudetracker.TrackerDatabase;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats {@code import} takes; all but claude-tracker are read by the server. */
public enum ImportFormat {
  CLAUDE_TRACKER("claude-tracker", null),
  CSV("csv", "text/csv"),
  NDJSON("ndjson", "application/x-ndjson"),
  SQLITE("sqlite", "application/vnd.sqlite3");

  private final String label;
  private final String contentType;

  ImportFormat(String label, String contentType) {
    this.label = label;
    this.contentType = contentType;
  }

  public String label() {
    return label;
  }

  /** The upload's content type. */
  public String contentType() {
    return contentType;
  }

  /** The format named on the command line ({@code jsonl} is an alias of ndjson). */
  public static ImportFormat parse(String text) {
    String name = text.strip().toLowerCase(Locale.ROOT);
    if (name.equals("jsonl")) {
      return NDJSON;
    }
    return Arrays.stream(values())
        .filter(format -> format.label.equals(name))
        .findFirst()
        .orElseThrow(
            () -> CliException.usage("unknown format '" + text + "': use one of " + labels()));
  }

  /**
   * The format of a file: a SQLite database is claude-tracker's when it has the sessions table with
   * a source_path column, else a generic one; other files go by their extension.
   */
  public static ImportFormat detect(Path file) {
    if (TrackerDatabase.isSqlite(file)) {
      return TrackerDatabase.isClaudeTracker(file) ? CLAUDE_TRACKER : SQLITE;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
      return NDJSON;
    }
    if (name.endsWith(".sqlite") || name.endsWith(".sqlite3") || name.endsWith(".db")) {
      return SQLITE;
    }
    throw CliException.usage(
        "cannot tell the format of " + file + ": give --format (" + labels() + ")");
  }

  /** {@code claude-tracker, csv, ndjson, sqlite}. */
  public static String labels() {
    return Arrays.stream(values()).map(ImportFormat::label).collect(Collectors.joining(", "));
  }
}
