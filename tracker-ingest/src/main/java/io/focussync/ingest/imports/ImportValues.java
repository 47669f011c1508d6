package io.focussync.ingest.imports;

import io.focussync.ingest.session.Timestamps;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Normalizes the values of import files into the API's forms. */
final class ImportValues {

  private static final Pattern EPOCH_SECONDS = Pattern.compile("-?\\d{1,12}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  private ImportValues() {}

  /**
   * A timestamp as RFC 3339: epoch seconds and (with a zone) local date-times are converted; other
   * text is left for the validator to judge.
   */
  static String timestamp(String value, ZoneId zone) {
    if (value == null) {
      return null;
    }
    String text = value.trim();
    if (EPOCH_SECONDS.matcher(text).matches()) {
      return Instant.ofEpochSecond(Long.parseLong(text)).toString();
    }
    if (zone != null) {
      return Timestamps.parseWithOffsetOrZone(text, zone).map(Instant::toString).orElse(text);
    }
    return text;
  }

  /** Tags of a cell, separated by ';'. */
  static List<String> tags(String cell) {
    if (cell == null || cell.isBlank()) {
      return null;
    }
    List<String> tags = new ArrayList<>();
    for (String tag : cell.split(";")) {
      if (!tag.isBlank()) {
        tags.add(tag.trim());
      }
    }
    return tags;
  }

  /** A number cell without surrounding blanks; blank as absent (the validator judges the rest). */
  static String number(String cell) {
    return cell == null || cell.isBlank() ? null : cell.trim();
  }

  /** Empty text as absent. */
  static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** Whether a name is a safe SQL identifier (it is still quoted when used). */
  static boolean isIdentifier(String name) {
    return name != null && IDENTIFIER.matcher(name).matches();
  }
}
