package io.focussync.allocator.day;

import java.time.Duration;
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
    dayEndGrace = dayEndGrace == null ? Duration.ofHours(2) : dayEndGrace;
    sweepBatch = sweepBatch <= 0 ? 500 : sweepBatch;
    maxRangeDays = maxRangeDays <= 0 ? 366 : maxRangeDays;
  }
}
