package io.focussync.clockify.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the days-by-status gauges.
 *
 * @param every how often the days are counted in the store (one pass over the collection)
 */
@ConfigurationProperties("focussync.clockify.day-counts")
public record DayCountProperties(Duration every) {}
