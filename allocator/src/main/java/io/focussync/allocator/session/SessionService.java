package io.focussync.allocator.session;

import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.DayWindow;
import io.focussync.allocator.allocation.SettingsLookup;
import io.focussync.allocator.day.Contribution;
import io.focussync.allocator.day.DayRef;
import io.focussync.allocator.day.DayService;
import io.focussync.allocator.day.SessionChange;
import io.focussync.allocator.ordering.ChangeOrder;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * Applies session events, a poll's worth at a time: only a change that {@link ChangeOrder} ranks
 * above the stored one changes anything. The days the sessions touch (before and after) are updated
 * and their plans emitted first, the read model written last, so a crash in between is repaired by
 * the redelivery; a duplicate finishes any emission its days still owe.
 */
@Service
public class SessionService {

  private final SessionRepository sessions;
  private final DayService days;
  private final SettingsLookup settings;

  public SessionService(SessionRepository sessions, DayService days, SettingsLookup settings) {
    this.sessions = sessions;
    this.days = days;
    this.settings = settings;
  }

  /**
   * Applies the changes (recorded sessions and tombstones, in any order): of several changes of one
   * session only the newest ({@link ChangeOrder}) counts, and each touched day is re-planned once.
   */
  public void apply(List<StoredSession> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Map<SessionRef, StoredSession> newest = new LinkedHashMap<>();
    for (StoredSession change : changes) {
      newest.merge(
          change.ref(),
          change,
          (a, b) -> ChangeOrder.replaces(b.version(), a.version()) ? b.over(a) : a.over(b));
    }
    Map<SessionRef, StoredSession> held = sessions.findAll(newest.keySet());
    Set<String> users = new HashSet<>();
    newest.keySet().forEach(ref -> users.add(ref.userId()));
    Map<String, AllocationSettings> settingsByUser = settings.getAll(users);

    Map<DayRef, List<SessionChange>> dayChanges = new HashMap<>();
    Set<DayRef> owed = new HashSet<>();
    List<SessionRepository.Write> writes = new ArrayList<>();
    for (StoredSession next : newest.values()) {
      StoredSession old = held.get(next.ref());
      ZoneId zone = settingsByUser.get(next.userId()).timeZone();
      if (old != null && !ChangeOrder.replaces(next.version(), old.version())) {
        datesOf(old, zone).forEach(date -> owed.add(new DayRef(next.userId(), date)));
        continue;
      }
      addDayChanges(next, old, zone, dayChanges);
      writes.add(new SessionRepository.Write(next.over(old), old == null ? null : old.version()));
    }
    days.applySessions(dayChanges, owed, settingsByUser);
    sessions.saveAll(writes);
  }

  /** What the change does to each day the session touched before or touches now. */
  private static void addDayChanges(
      StoredSession next, StoredSession old, ZoneId zone, Map<DayRef, List<SessionChange>> out) {
    List<LocalDate> touched = datesOf(next, zone);
    TreeSet<LocalDate> dates = new TreeSet<>(touched);
    if (old != null) {
      dates.addAll(datesOf(old, zone));
    }
    Contribution contribution =
        next.deleted()
            ? null
            : new Contribution(
                next.sessionId(),
                next.version(),
                next.projectKey(),
                next.start(),
                next.end(),
                next.trackedSeconds(),
                next.title());
    for (LocalDate date : dates) {
      out.computeIfAbsent(new DayRef(next.userId(), date), d -> new ArrayList<>())
          .add(
              new SessionChange(
                  next.sessionId(), next.version(), touched.contains(date) ? contribution : null));
    }
  }

  /** The local dates a live session touches in the zone; none for a tombstone. */
  public static List<LocalDate> datesOf(StoredSession session, ZoneId zone) {
    if (session.deleted() || session.start() == null || session.end() == null) {
      return List.of();
    }
    return DayWindow.datesTouched(session.start(), session.end(), zone);
  }
}
