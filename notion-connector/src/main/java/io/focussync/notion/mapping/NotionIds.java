package io.focussync.notion.mapping;

import java.util.Locale;
import java.util.regex.Pattern;

/** Notion ids are UUIDs, written with or without dashes: this gives the one dashed form. */
public final class NotionIds {

  private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");

  private NotionIds() {}

  /** The dashed lower-case form of a Notion id, or null if the text is not one. */
  public static String normalize(String id) {
    if (id == null) {
      return null;
    }
    String hex = id.trim().replace("-", "").toLowerCase(Locale.ROOT);
    if (!HEX32.matcher(hex).matches()) {
      return null;
    }
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20);
  }

  /** The dashed form if the text is an id, else the text itself. */
  public static String normalizeOrKeep(String id) {
    String normalized = normalize(id);
    return normalized == null ? id : normalized;
  }
}
