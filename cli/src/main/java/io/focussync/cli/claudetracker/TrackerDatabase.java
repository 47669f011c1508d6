package io.focussync.cli.claudetracker;

import io.focussync.cli.claudetracker.DatabaseUnavailableException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/**
 * Reads claude-tracker's SQLite database while the tracker may be writing it (WAL mode): each read
 * opens its own read-only connection, runs one SELECT (one short read transaction) and closes it,
 * so no transaction stays open between polls and a replaced file is picked up by the next read.
 */
public final class TrackerDatabase {

  static final Set<String> COLUMNS =
      Set.of("source_path", "project", "start_time", "end_time", "duration_seconds");
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int BUSY_TIMEOUT_MILLIS = 1000;

  private TrackerDatabase() {}

  /** Whether the file starts with the SQLite header. */
  public static boolean isSqlite(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return java.util.Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether the file is a SQLite database with claude-tracker's {@code sessions} table. */
  public static boolean isClaudeTracker(Path file) {
    if (!isSqlite(file)) {
      return false;
    }
    try (Connection connection = open(file)) {
      return columns(connection).containsAll(COLUMNS);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Every session row, oldest first. */
  public static List<TrackerRow> read(Path file) throws DatabaseUnavailableException {
    if (!Files.isRegularFile(file)) {
      throw new DatabaseUnavailableException(Reason.MISSING, file + " does not exist", null);
    }
    try (Connection connection = open(file)) {
      Set<String> columns = columns(connection);
      if (!columns.containsAll(COLUMNS)) {
        throw new DatabaseUnavailableException(
            Reason.NOT_A_TRACKER,
            file + " has no claude-tracker sessions table (source_path, project, ...)",
            null);
      }
      List<TrackerRow> rows = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet result =
              statement.executeQuery(
                  "SELECT source_path, project, start_time, end_time, duration_seconds"
                      + " FROM sessions ORDER BY start_time, source_path")) {
        while (result.next()) {
          long duration = result.getLong(5);
          rows.add(
              new TrackerRow(
                  result.getString(1),
                  result.getString(2),
                  result.getString(3),
                  result.getString(4),
                  result.wasNull() ? 0 : duration));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw unavailable(file, e);
    }
  }

  private static Connection open(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    Properties properties = config.toProperties();
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
  }

  private static Set<String> columns(Connection connection) throws SQLException {
    Set<String> columns = new HashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT name FROM pragma_table_info('sessions')")) {
      while (result.next()) {
        columns.add(result.getString(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return columns;
  }

  private static DatabaseUnavailableException unavailable(Path file, SQLException e) {
    int primary = e instanceof SQLiteException sqlite ? sqlite.getResultCode().code & 0xff : -1;
    String message = e.getMessage();
    return switch (primary) {
      case 5, 6 -> new DatabaseUnavailableException(Reason.BUSY, file + " is locked", e);
      case 14 -> new DatabaseUnavailableException(Reason.MISSING, file + " cannot be opened", e);
      default ->
          new DatabaseUnavailableException(
              Reason.UNREADABLE, file + " cannot be read: " + message, e);
    };
  }
}
