package io.focussync.clockify.ledger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code focussync.days{status}}: how many user-days stand in each status over all users,
 * counted in the store every {@link DayCountProperties#every()}. Every replica reports the same
 * totals, so dashboards take their maximum, not their sum.
 */
@Component
public class DayStatusGauges implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DayStatusGauges.class);

  private final DayStore days;
  private final Map<DayStatus, Long> counts = new EnumMap<>(DayStatus.class);
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DayStatusGauges::daemon);

  public DayStatusGauges(DayStore days, MeterRegistry meters, DayCountProperties properties) {
    this.days = days;
    for (DayStatus status : DayStatus.values()) {
      Gauge.builder("focussync.days", this, gauges -> gauges.count(status))
          .tag("status", status.name())
          .description("User-days in this status, over all users")
          .register(meters);
    }
    long every = properties.every().toMillis();
    timer.scheduleWithFixedDelay(this::refresh, 0, every, TimeUnit.MILLISECONDS);
  }

  /** Counts the days in the store now; on a failure the last counts stay. */
  void refresh() {
    try {
      Map<DayStatus, Long> counted = days.countByStatus();
      synchronized (counts) {
        for (DayStatus status : DayStatus.values()) {
          counts.put(status, counted.getOrDefault(status, 0L));
        }
      }
    } catch (RuntimeException e) {
      log.debug("Days could not be counted by status; the gauges keep the last counts", e);
    }
  }

  private double count(DayStatus status) {
    synchronized (counts) {
      return counts.getOrDefault(status, 0L);
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "day-status-gauges");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void destroy() {
    timer.shutdownNow();
  }
}
