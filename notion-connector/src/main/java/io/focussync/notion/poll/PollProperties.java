package io.focussync.notion.poll;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reconciliation poll.
 *
 * @param pollInterval pause between two polls of all connections
 * @param pollOverlap how far before the watermark each poll reads again; at least 2 minutes,
 *     because Notion rounds {@code last_edited_time} down to the minute
 * @param fullScanInterval how often a poll reads every page, to notice trashed ones
 * @param pollEnabled false leaves polling to explicit calls
 */
@ConfigurationProperties("focussync.notion")
public record PollProperties(
    Duration pollInterval, Duration pollOverlap, Duration fullScanInterval, Boolean pollEnabled) {

  private static final Duration MIN_OVERLAP = Duration.ofMinutes(2);

  public PollProperties {
    Objects.requireNonNull(pollInterval, "focussync.notion.poll-interval is required");
    Objects.requireNonNull(pollOverlap, "focussync.notion.poll-overlap is required");
    pollOverlap = pollOverlap.compareTo(MIN_OVERLAP) < 0 ? MIN_OVERLAP : pollOverlap;
    Objects.requireNonNull(fullScanInterval, "focussync.notion.full-scan-interval is required");
    Objects.requireNonNull(pollEnabled, "focussync.notion.poll-enabled is required");
  }
}
