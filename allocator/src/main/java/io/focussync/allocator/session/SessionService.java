package io.focussync.allocator.session;

import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.DayWindow;
import io.focussync.allocator.day.Contribution;
import io.focussync.allocator.day.DayService;
import io.focussync.allocator.settings.SettingsService;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * Applies session events: only a version newer than the stored one changes anything. The days the
 * session touches (before and after) are updated first and the read model last, so a crash in
 * between is repaired by the redelivery; a duplicate finishes any emission its days still owe.
 */
@Service
public class SessionService {

  private final SessionRepository sessions;
  private final DayService days;
  private final SettingsService settings;

  public SessionService(SessionRepository sessions, DayService days, SettingsService settings) {
    this.sessions = sessions;
    this.days = days;
    this.settings = settings;
  }

  /** A session was recorded or changed. */
  public void recorded(SessionRecorded event) {
    StoredSession next =
        new StoredSession(
            event.userId(),
            event.sessionId(),
            event.source(),
            event.version(),
            false,
            event.projectKey(),
            event.start().truncatedTo(ChronoUnit.MILLIS),
            event.end().truncatedTo(ChronoUnit.MILLIS),
            event.title());
    apply(next);
  }

  /** A session was deleted at its source. */
  public void deleted(SessionDeleted event) {
    apply(
        new StoredSession(
            event.userId(),
            event.sessionId(),
            event.source(),
            event.version(),
            true,
            null,
            null,
            null,
            null));
  }

  private void apply(StoredSession next) {
    ZoneId zone = settings.get(next.userId()).timeZone();
    Optional<StoredSession> held = sessions.find(next.userId(), next.sessionId());
    if (held.isPresent() && held.get().version() >= next.version()) {
      days.emitPending(next.userId(), datesOf(held.get(), zone));
      return;
    }
    TreeSet<LocalDate> dates = new TreeSet<>(datesOf(next, zone));
    held.ifPresent(old -> dates.addAll(datesOf(old, zone)));
    List<LocalDate> touched = datesOf(next, zone);
    Contribution contribution =
        next.deleted()
            ? null
            : new Contribution(
                next.sessionId(),
                next.version(),
                next.projectKey(),
                next.start(),
                next.end(),
                next.title());
    for (LocalDate date : dates) {
      days.applySession(
          next.userId(),
          date,
          next.sessionId(),
          next.version(),
          touched.contains(date) ? contribution : null);
    }
    Long expected = held.map(StoredSession::version).orElse(null);
    if (!sessions.save(next, expected)) {
      // A newer version was stored concurrently: it has applied its own days; nothing to undo
      // because day contributions are version-guarded.
      return;
    }
  }

  /** The local dates a live session touches in the zone; none for a tombstone. */
  static List<LocalDate> datesOf(StoredSession session, ZoneId zone) {
    if (session.deleted() || session.start() == null || session.end() == null) {
      return List.of();
    }
    return DayWindow.datesTouched(session.start(), session.end(), zone);
  }

  /** The days a user's live sessions touch under the settings' zone. */
  public TreeSet<LocalDate> datesOfAll(String userId, AllocationSettings s) {
    TreeSet<LocalDate> dates = new TreeSet<>();
    for (StoredSession session : sessions.findLive(userId)) {
      dates.addAll(datesOf(session, s.timeZone()));
    }
    return dates;
  }
}
