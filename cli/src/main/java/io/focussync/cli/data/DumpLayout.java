package io.focussync.cli.data;

import io.focussync.cli.CliException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where an export keeps what: {@code DIR/<database>/<collection>.json}, one document per line in
 * canonical MongoDB Extended JSON (what {@code mongoimport} reads), and {@code
 * DIR/<database>/<collection>.indexes.json}, one index per line as {@code listIndexes} gives it
 * (without {@code v}, {@code ns} and the {@code _id} index).
 */
final class DumpLayout {

  static final String DOCUMENTS = ".json";
  static final String INDEXES = ".indexes.json";

  /** MongoDB's own databases: neither exported nor imported. */
  static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");

  private DumpLayout() {}

  static Path documents(Path dir, String database, String collection) {
    return folder(dir, database).resolve(checked(collection) + DOCUMENTS);
  }

  static Path indexes(Path dir, String database, String collection) {
    return folder(dir, database).resolve(checked(collection) + INDEXES);
  }

  static Path folder(Path dir, String database) {
    return dir.resolve(checked(database));
  }

  /** The collection a file holds the documents of, or null for another file. */
  static String collectionOf(Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(DOCUMENTS) || name.endsWith(INDEXES) || name.startsWith(".")) {
      return null;
    }
    return name.substring(0, name.length() - DOCUMENTS.length());
  }

  // A name that cannot be a file name is refused rather than written somewhere unexpected.
  private static String checked(String name) {
    if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")) {
      throw new CliException(
          io.focussync.cli.ExitCodes.FAILED, "cannot export '" + name + "': not a file name");
    }
    return name;
  }
}
