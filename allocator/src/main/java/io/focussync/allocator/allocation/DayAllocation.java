package io.focussync.allocator.allocation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The plan of one local day: whether it is a workday, the buckets behind it and the entries.
 *
 * @param sessionCount sessions with time inside the day
 */
public record DayAllocation(
    boolean workday,
    AllocationMode mode,
    String timeZone,
    int sessionCount,
    List<Bucket> buckets,
    List<AllocatedEntry> entries) {

  /** A hash of what would be pushed (mode, zone, entries): equal hashes mean an equal plan. */
  public String contentHash() {
    StringBuilder text = new StringBuilder().append(mode).append('|').append(timeZone);
    for (AllocatedEntry e : entries) {
      text.append('\n')
          .append(e.slot())
          .append('|')
          .append(e.projectId())
          .append('|')
          .append(e.start())
          .append('|')
          .append(e.end())
          .append('|')
          .append(e.description())
          .append('|')
          .append(String.join(",", e.sessionIds()));
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
