package io.focussync.cli.claudetracker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Size, modification time and file key of a database and its {@code -wal} file: when none of them
 * moved since a complete read, the content cannot have changed, and the read can be skipped.
 *
 * @param newestModified the later modification time of the two files, in epoch millis
 */
record FileFingerprint(
    long size, long modified, Object key, long walSize, long walModified, long newestModified) {

  static FileFingerprint of(Path database) {
    Attributes main = attributes(database);
    Attributes wal = attributes(database.resolveSibling(database.getFileName() + "-wal"));
    return new FileFingerprint(
        main.size,
        main.modified,
        main.key,
        wal.size,
        wal.modified,
        Math.max(main.modified, wal.modified));
  }

  /** Equal size, times and file key. */
  boolean sameAs(FileFingerprint other) {
    return other != null
        && size == other.size
        && modified == other.modified
        && Objects.equals(key, other.key)
        && walSize == other.walSize
        && walModified == other.walModified;
  }

  private record Attributes(long size, long modified, Object key) {}

  private static Attributes attributes(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new Attributes(
          attributes.size(), attributes.lastModifiedTime().toMillis(), attributes.fileKey());
    } catch (NoSuchFileException e) {
      return new Attributes(-1, -1, null);
    } catch (IOException e) {
      // unknown: a value no later read will match
      return new Attributes(-2, System.nanoTime(), null);
    }
  }
}
