package io.focussync.allocator.day;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes what a crash may have left: emits stored-but-unemitted plans at startup and
 * periodically, and pushes {@code DAY_END} days that became due.
 */
@Component
public class DaySweeper {

  private static final Logger log = LoggerFactory.getLogger(DaySweeper.class);

  private final DayService days;
  private final PlanEmitter emitter;

  public DaySweeper(DayService days, PlanEmitter emitter) {
    this.days = days;
    this.emitter = emitter;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void atStartup() {
    sweep();
  }

  @Scheduled(
      fixedDelayString = "${focussync.allocator.sweep-interval}",
      initialDelayString = "${focussync.allocator.sweep-interval}")
  public void sweep() {
    try {
      int emitted = emitter.sweepUnemitted();
      int due = days.sweepDue();
      if (emitted + due > 0) {
        log.info("sweep emitted {} pending plans and pushed {} due days", emitted, due);
      }
    } catch (RuntimeException e) {
      log.warn("sweep failed, next run will retry: {}", e.toString());
    }
  }
}
