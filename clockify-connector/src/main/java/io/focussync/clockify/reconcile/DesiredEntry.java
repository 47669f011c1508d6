package io.focussync.clockify.reconcile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One entry the plan wants in Clockify, at the precision Clockify stores (whole seconds).
 *
 * @param slot stable identity of the entry within its day
 * @param projectId the Clockify project, null for none
 */
public record DesiredEntry(
    String slot,
    String projectId,
    Instant start,
    Instant end,
    String description,
    List<String> sessionIds) {

  /** Clockify's limit for a description. */
  public static final int MAX_DESCRIPTION = 3000;

  public DesiredEntry {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    start = start.truncatedTo(ChronoUnit.SECONDS);
    end = end.truncatedTo(ChronoUnit.SECONDS);
    description = description == null ? "" : description;
    if (description.length() > MAX_DESCRIPTION) {
      description = description.substring(0, MAX_DESCRIPTION);
    }
    sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
  }

  /** A hash of everything we write to Clockify for this entry (not the session ids). */
  public String hash() {
    String content =
        String.join(
            "\u001f",
            projectId == null ? "" : projectId,
            start.toString(),
            end.toString(),
            description);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
