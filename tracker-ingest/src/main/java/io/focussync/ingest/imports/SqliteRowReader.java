package io.focussync.ingest.imports;

import io.focussync.ingest.session.SessionInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Rows of one table of a SQLite database from a local tracker, read with sqlite-jdbc, read-only.
 * Table and column names are checked as identifiers and against the schema before they are used
 * (quoted) in the one query; values may be ISO-8601 text or epoch seconds.
 */
final class SqliteRowReader implements RowReader {

  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final Connection connection;
  private final PreparedStatement query;
  private final ResultSet rows;
  private final ImportMapping mapping;
  private final Map<String, Integer> positions = new HashMap<>();
  private long row;

  SqliteRowReader(Path file, String table, ImportMapping mapping) throws IOException {
    this.mapping = mapping;
    checkHeader(file);
    List<String> wanted = new ArrayList<>();
    var names = mapping.names();
    for (String column :
        new String[] {
          names.id(),
          names.projectKey(),
          names.start(),
          names.end(),
          names.trackedSeconds(),
          names.title()
        }) {
      if (column != null) {
        wanted.add(column);
      }
    }
    try {
      SQLiteConfig config = new SQLiteConfig();
      config.setReadOnly(true);
      config.setOpenMode(SQLiteOpenMode.READONLY);
      config.enableLoadExtension(false);
      connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try {
        try (var statement = connection.createStatement()) {
          statement.execute("PRAGMA query_only = 1");
          statement.execute("PRAGMA trusted_schema = 0");
        }
        String actualTable = findTable(table);
        Map<String, String> columns = columnsOf(actualTable);
        List<String> select = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String column : wanted) {
          String actual = columns.get(column.toLowerCase(Locale.ROOT));
          if (actual == null) {
            if (isRequired(column) || mapping.explicit().contains(column)) {
              missing.add(column);
            }
            continue;
          }
          positions.put(column, select.size() + 1);
          select.add(quote(actual));
        }
        if (!missing.isEmpty()) {
          throw new ImportStoppedException(
              400,
              "table",
              "the table " + table + " lacks the column(s) " + String.join(", ", missing));
        }
        query =
            connection.prepareStatement(
                "SELECT " + String.join(", ", select) + " FROM " + quote(actualTable));
        rows = query.executeQuery();
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  private boolean isRequired(String column) {
    var names = mapping.names();
    return column.equals(names.projectKey())
        || column.equals(names.start())
        || column.equals(names.end());
  }

  @Override
  public ImportRow next() {
    try {
      if (!rows.next()) {
        return null;
      }
      row++;
      var names = mapping.names();
      for (String column : positions.keySet()) {
        if (rows.getObject(positions.get(column)) instanceof byte[]) {
          return ImportRow.unreadable(row, column, "is binary data, not text or a number");
        }
      }
      return ImportRow.of(
          row,
          new SessionInput(
              ImportValues.blankToNull(text(names.id())),
              text(names.projectKey()),
              ImportValues.timestamp(text(names.start()), mapping.zone()),
              ImportValues.timestamp(text(names.end()), mapping.zone()),
              wholeNumber(names.trackedSeconds()),
              ImportValues.blankToNull(text(names.title())),
              null,
              null));
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  private String text(String column) throws SQLException {
    Integer position = column == null ? null : positions.get(column);
    if (position == null) {
      return null;
    }
    Object value = rows.getObject(position);
    if (value == null) {
      return null;
    }
    if (value instanceof Double number) {
      return String.valueOf((long) Math.floor(number));
    }
    return String.valueOf(value);
  }

  /**
   * A number column's value as digits; a REAL with a fraction keeps it, so that the validator
   * rejects it rather than a floor hiding it.
   */
  private String wholeNumber(String column) throws SQLException {
    Integer position = column == null ? null : positions.get(column);
    Object value = position == null ? null : rows.getObject(position);
    if (value instanceof Double number && number == Math.rint(number)) {
      return String.valueOf(number.longValue());
    }
    return value == null ? null : ImportValues.number(String.valueOf(value));
  }

  private String findTable(String table) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND lower(name) = lower(?)")) {
      statement.setString(1, table);
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          throw new ImportStoppedException(400, "table", "the database has no table " + table);
        }
        return result.getString(1);
      }
    }
  }

  private Map<String, String> columnsOf(String table) throws SQLException {
    Map<String, String> columns = new HashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
      statement.setString(1, table);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          columns.put(result.getString(1).toLowerCase(Locale.ROOT), result.getString(1));
        }
      }
    }
    return columns;
  }

  /** Rejects what is not a whole SQLite file: wrong magic, or shorter than its header says. */
  private static void checkHeader(Path file) throws IOException {
    byte[] header = new byte[100];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(header, 0, header.length);
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (read < header.length || header[i] != MAGIC[i]) {
        throw new ImportStoppedException(400, "file", "the file is not a SQLite database");
      }
    }
    ByteBuffer buffer = ByteBuffer.wrap(header);
    int pageSize = Short.toUnsignedInt(buffer.getShort(16));
    long size = pageSize == 1 ? 65536 : pageSize;
    long changeCounter = Integer.toUnsignedLong(buffer.getInt(24));
    long pages = Integer.toUnsignedLong(buffer.getInt(28));
    long validFor = Integer.toUnsignedLong(buffer.getInt(92));
    if (size < 512 || Long.bitCount(size) != 1) {
      throw new ImportStoppedException(400, "file", "the SQLite header is corrupt");
    }
    if (pages > 0 && validFor == changeCounter && Files.size(file) < pages * size) {
      throw new ImportStoppedException(400, "file", "the SQLite database file is truncated");
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static ImportStoppedException unreadable(SQLException e) {
    return new ImportStoppedException(
        400,
        "file",
        "the SQLite database cannot be read (" + e.getErrorCode() + ")",
        0,
        0,
        null,
        e);
  }

  @Override
  public void close() throws IOException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }
}
