package io.focussync.cli.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A claude-tracker database made the way the tracker makes it: WAL journal, its exact schema, rows
 * written with INSERT OR REPLACE, through one writer connection kept open.
 */
public final class TrackerDb implements AutoCloseable {

  public static final String SCHEMA =
      "CREATE TABLE IF NOT EXISTS sessions(source_path TEXT PRIMARY KEY, project TEXT NOT NULL,"
          + " date TEXT NOT NULL, start_time TEXT NOT NULL, end_time TEXT NOT NULL,"
          + " duration_seconds INTEGER NOT NULL, input_tokens INTEGER, output_tokens INTEGER,"
          + " cache_creation_input_tokens INTEGER, cache_read_input_tokens INTEGER)";

  private final Path file;
  private Connection writer;

  private TrackerDb(Path file) throws SQLException {
    this.file = file;
    this.writer = open(file);
  }

  /** Creates (or opens) the database with the tracker's schema, in WAL mode. */
  public static TrackerDb create(Path file) throws SQLException {
    return new TrackerDb(file);
  }

  public Path file() {
    return file;
  }

  /** Writes a row the way the tracker does (a live session's row is rewritten as it grows). */
  public TrackerDb put(
      String sourcePath, String project, String start, String end, long durationSeconds)
      throws SQLException {
    try (PreparedStatement insert =
        writer.prepareStatement(
            "INSERT OR REPLACE INTO sessions(source_path, project, date, start_time, end_time,"
                + " duration_seconds, input_tokens, output_tokens, cache_creation_input_tokens,"
                + " cache_read_input_tokens) VALUES (?, ?, ?, ?, ?, ?, 1200, 800, 0, 5000)")) {
      insert.setString(1, sourcePath);
      insert.setString(2, project);
      insert.setString(3, start.substring(0, 10));
      insert.setString(4, start);
      insert.setString(5, end);
      insert.setLong(6, durationSeconds);
      insert.executeUpdate();
    }
    return this;
  }

  public TrackerDb delete(String sourcePath) throws SQLException {
    try (PreparedStatement delete =
        writer.prepareStatement("DELETE FROM sessions WHERE source_path = ?")) {
      delete.setString(1, sourcePath);
      delete.executeUpdate();
    }
    return this;
  }

  /** Many rows in one transaction. */
  public TrackerDb putMany(int count, String project) throws SQLException {
    writer.setAutoCommit(false);
    for (int i = 0; i < count; i++) {
      String start = "2026-03-%02dT%02d:%02d:00Z".formatted(1 + i % 28, i / 60 % 24, i % 60);
      String end = "2026-03-%02dT%02d:%02d:30Z".formatted(1 + i % 28, i / 60 % 24, i % 60);
      put("/Users/ada/.claude/projects/bulk/session-" + i + ".jsonl", project, start, end, 25);
    }
    writer.commit();
    writer.setAutoCommit(true);
    return this;
  }

  /**
   * Replaces the writer by one in exclusive locking mode that has written: until {@link #unlock()},
   * other connections get SQLITE_BUSY.
   */
  public void lockExclusively() throws SQLException {
    writer.close();
    writer = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement statement = writer.createStatement()) {
      statement.execute("PRAGMA locking_mode=EXCLUSIVE");
      statement.executeUpdate("UPDATE sessions SET duration_seconds = duration_seconds");
    }
  }

  /** Back to a normal writer (the exclusive one closed). */
  public void unlock() throws SQLException {
    writer.close();
    writer = open(file);
  }

  /** Closes the writer (as when the tracker exits). */
  @Override
  public void close() throws SQLException {
    writer.close();
  }

  /** Opens a writer again after {@link #close()}. */
  public void reopen() throws SQLException {
    writer = open(file);
  }

  private static Connection open(Path file) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA journal_mode=WAL");
      statement.execute(SCHEMA);
    }
    return connection;
  }
}
