package io.focussync.allocator.day.core;

import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.day.BusyObservation;
import io.focussync.allocator.day.Contribution;
import io.focussync.allocator.day.SessionChange;
import io.focussync.allocator.day.UserDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a change does to a day besides re-planning it: the edits the day service applies. */
@FunctionalInterface
public interface DayEdit {

  /** Changes the day; true when it changed anything that must be stored. */
  boolean apply(UserDay day, AllocationSettings settings);

  /** Changes nothing (a re-plan or resync of the day as it stands). */
  static DayEdit none() {
    return (day, settings) -> false;
  }

  /**
   * Puts the sessions' changes into the day (version-guarded); a change to a closed day marks it as
   * having late changes.
   */
  static DayEdit sessions(List<SessionChange> changes) {
    return (day, settings) -> {
      boolean changed = false;
      for (SessionChange c : changes) {
        changed |= day.apply(c.sessionId(), c.version(), c.contribution());
      }
      if (changed && settings.isClosed(day.date())) {
        day.lateChanges(true);
      }
      return changed;
    };
  }

  /**
   * Makes the day hold exactly these sessions (after a time zone change moved sessions between
   * days), version-guarded like any session change.
   */
  static DayEdit holdExactly(Collection<Contribution> desired) {
    return (day, settings) -> {
      boolean changed = false;
      Map<String, Contribution> wanted = new HashMap<>();
      desired.forEach(c -> wanted.put(c.sessionId(), c));
      for (Contribution held : new ArrayList<>(day.sessions().values())) {
        if (!wanted.containsKey(held.sessionId())) {
          changed |= day.apply(held.sessionId(), held.version(), null);
        }
      }
      for (Contribution c : desired) {
        changed |= day.apply(c.sessionId(), c.version(), c);
      }
      return changed;
    };
  }

  /** Takes a newer observation of the user's own Clockify entries on the day. */
  static DayEdit observe(BusyObservation observation) {
    return (day, settings) -> day.observeBusy(observation.busy(), observation.observedAt());
  }

  /**
   * Approves the day's current plan content (the content it would get now); approving the same
   * content again changes nothing.
   */
  static DayEdit approve() {
    return (day, settings) -> {
      String hash = day.allocation(settings).contentHash();
      if (hash.equals(day.approvedHash())) {
        return false;
      }
      day.approvedHash(hash);
      return true;
    };
  }
}
