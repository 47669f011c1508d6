package io.focussync.allocator.day;

import io.focussync.allocator.day.core.ConcurrentDayChangeException;
import io.focussync.allocator.day.core.SyncResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Records the clockify-connector's sync results on their days (no re-plan); what a result does to a
 * day's sync state is {@link SyncResult#applyTo} and {@link SyncResults}.
 */
@Component
public class SyncRecorder {

  private static final int MAX_ATTEMPTS = 20;

  private final UserDayRepository days;

  public SyncRecorder(UserDayRepository days) {
    this.days = days;
  }

  /**
   * Records a poll's sync results: one read of the days, the results of each day applied in their
   * order in memory, one write of the days whose sync state changed (of their sync state only). A
   * day someone else wrote in between is redone result by result.
   */
  public void applyAll(List<SyncResult> results) {
    if (results.isEmpty()) {
      return;
    }
    Map<DayRef, List<SyncResult>> byDay = SyncResults.byDay(results);
    Map<DayRef, UserDay> stored = days.findAll(byDay.keySet());
    List<UserDay> changed = new ArrayList<>();
    byDay.forEach(
        (ref, list) -> {
          UserDay day = stored.getOrDefault(ref, new UserDay(ref.userId(), ref.date()));
          SyncState state = SyncResults.fold(day.sync(), list);
          if (!Objects.equals(state, day.sync())) {
            day.sync(state);
            changed.add(day);
          }
        });
    if (days.saveSyncAll(changed)) {
      return;
    }
    // Which writes lost is not reported: a day that now holds the state computed here needs nothing
    // more, the others are redone result by result from what is stored.
    List<DayRef> refs = changed.stream().map(d -> new DayRef(d.userId(), d.date())).toList();
    Map<DayRef, UserDay> now = days.findAll(refs);
    for (UserDay day : changed) {
      DayRef ref = new DayRef(day.userId(), day.date());
      UserDay held = now.get(ref);
      if (held == null || !Objects.equals(held.sync(), day.sync())) {
        byDay.get(ref).forEach(this::apply);
      }
    }
  }

  /** Records one sync result on its day, re-reading the day on a conflict. */
  public void apply(SyncResult result) {
    DayRef ref = result.day();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      UserDay day =
          days.find(ref.userId(), ref.date())
              .orElseGet(() -> new UserDay(ref.userId(), ref.date()));
      SyncState next = result.applyTo(day.sync());
      if (next == null || next.equals(day.sync())) {
        return;
      }
      day.sync(next);
      if (days.save(day)) {
        return;
      }
    }
    throw new ConcurrentDayChangeException(ref.userId(), ref.date());
  }
}
