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
 * @param busy the user's own Clockify entries the plan was made around, as observed
 * @param conflicts sessions of an {@code ACTUAL} day left out because they overlap busy time
 * @param busyFillsWorkday busy time covers the whole work day of a workday: nothing to plan
 */
public record DayAllocation(
    boolean workday,
    AllocationMode mode,
    String timeZone,
    int sessionCount,
    List<Bucket> buckets,
    List<AllocatedEntry> entries,
    List<BusySpan> busy,
    List<Conflict> conflicts,
    boolean busyFillsWorkday) {

  public DayAllocation {
    busy = List.copyOf(busy);
    conflicts = List.copyOf(conflicts);
  }

  /**
   * A hash of what would be pushed (mode, zone, entries, and the busy time when there is any, so
   * that plans without it hash as before): equal hashes mean an equal plan.
   */
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
    for (BusySpan b : busy) {
      text.append("\nbusy|").append(b.start()).append('|').append(b.end());
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
