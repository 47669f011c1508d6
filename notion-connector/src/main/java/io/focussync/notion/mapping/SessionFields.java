package io.focussync.notion.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fields of a session as mapped from a page. Their {@link #hash()} decides whether a page
 * changed; the write-back properties are not among them, so our own write-back is no change.
 */
public record SessionFields(
    String title,
    String projectKey,
    Instant start,
    Instant end,
    SortedMap<String, String> metadata) {

  public SessionFields {
    metadata = metadata == null ? new TreeMap<>() : new TreeMap<>(metadata);
  }

  /** SHA-256 (hex) over a canonical, length-prefixed rendering of every field. */
  public String hash() {
    StringBuilder canonical = new StringBuilder();
    append(canonical, title);
    append(canonical, projectKey);
    append(canonical, start.toString());
    append(canonical, end.toString());
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      append(canonical, entry.getKey());
      append(canonical, entry.getValue());
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void append(StringBuilder canonical, String value) {
    String text = value == null ? "" : value;
    canonical.append(value == null ? -1 : text.length()).append(':').append(text).append('|');
  }
}
