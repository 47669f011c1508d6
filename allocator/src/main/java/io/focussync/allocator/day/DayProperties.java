package io.focussync.allocator.day;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of day planning.
 *
 * @param dayEndGrace how long after a local day's end a {@code DAY_END} day is pushed
 * @param sweepBatch how many days one sweep (unemitted plans, due days) handles at most
 * @param maxRangeDays the longest {@code from..to} range a read accepts
 */
@ConfigurationProperties("focussync.allocator")
public record DayProperties(Duration dayEndGrace, int sweepBatch, int maxRangeDays) {

  public DayProperties {
    Objects.requireNonNull(dayEndGrace, "focussync.allocator.day-end-grace is required");
    if (sweepBatch <= 0) {
      throw new IllegalArgumentException(
          "focussync.allocator.sweep-batch must be set and positive");
    }
    if (maxRangeDays <= 0) {
      throw new IllegalArgumentException(
          "focussync.allocator.max-range-days must be set and positive");
    }
  }
}
