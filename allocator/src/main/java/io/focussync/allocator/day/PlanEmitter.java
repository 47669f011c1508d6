package io.focussync.allocator.day;

import io.focussync.allocator.day.core.PlanEvents;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Emits stored plan revisions: published first, marked emitted once the broker has them. */
@Component
public class PlanEmitter {

  private final UserDayRepository days;
  private final PlanPublisher publisher;
  private final DayProperties properties;

  public PlanEmitter(UserDayRepository days, PlanPublisher publisher, DayProperties properties) {
    this.days = days;
    this.publisher = publisher;
    this.properties = properties;
  }

  /** Emits the days' stored plans and waits for the broker, then marks them emitted. */
  public void emitAll(List<UserDay> owing) {
    if (owing.isEmpty()) {
      return;
    }
    List<DayPlanned> events = new ArrayList<>(owing.size());
    owing.forEach(day -> events.add(PlanEvents.toEvent(day.userId(), day.date(), day.plan())));
    publisher.publishAll(events);
    days.markEmitted(owing);
  }

  /** Emits every stored-but-unemitted plan; run at startup and periodically. */
  public int sweepUnemitted() {
    List<UserDay> unemitted = days.findUnemitted(properties.sweepBatch());
    emitAll(unemitted);
    return unemitted.size();
  }
}
