package io.focussync.allocator.settings;

import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.day.Contribution;
import io.focussync.allocator.day.DayService;
import io.focussync.allocator.day.core.SettingsReplan;
import io.focussync.allocator.session.SessionRepository;
import io.focussync.allocator.session.SessionService;
import io.focussync.allocator.session.StoredSession;
import io.focussync.allocator.settings.core.SettingsChange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Re-plans a user's days when the settings change: today, later days and days Clockify does not
 * hold; a day before today that Clockify holds keeps its plan (see {@link SettingsChange}). A new
 * time zone first moves the sessions to the local days they now touch (on kept days too, without
 * re-planning them).
 */
@Component
public class SettingsChangeListener {

  private final SessionRepository sessions;
  private final DayService days;

  public SettingsChangeListener(SessionRepository sessions, DayService days) {
    this.sessions = sessions;
    this.days = days;
  }

  @EventListener
  public void on(SettingsChanged change) {
    String userId = change.userId();
    SettingsReplan.StoredDates stored = days.storedDates(userId, change.current());
    boolean moves = SettingsChange.movesSessions(change.previous(), change.current());
    Map<LocalDate, List<Contribution>> byDate = moves ? byDate(userId, change.current()) : Map.of();
    for (SettingsChange.DayStep step : SettingsChange.steps(moves, stored, byDate)) {
      if (step.holds() != null) {
        days.reconcile(userId, step.date(), step.holds(), step.replan());
      } else if (step.replan()) {
        days.replan(userId, step.date());
      }
    }
  }

  private Map<LocalDate, List<Contribution>> byDate(String userId, AllocationSettings settings) {
    Map<LocalDate, List<Contribution>> byDate = new TreeMap<>();
    for (StoredSession s : sessions.findLive(userId)) {
      Contribution c =
          new Contribution(
              s.sessionId(),
              s.version(),
              s.projectKey(),
              s.start(),
              s.end(),
              s.trackedSeconds(),
              s.title());
      for (LocalDate date : SessionService.datesOf(s, settings.timeZone())) {
        byDate.computeIfAbsent(date, d -> new ArrayList<>()).add(c);
      }
    }
    return byDate;
  }
}
