package io.focussync.allocator.day;

import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.SettingsLookup;
import io.focussync.allocator.day.core.ConcurrentDayChangeException;
import io.focussync.allocator.day.core.DayEdit;
import io.focussync.allocator.day.core.PlanPolicy;
import io.focussync.allocator.day.core.Planning;
import io.focussync.allocator.day.core.SettingsReplan;
import io.focussync.allocator.day.core.SyncResults;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps each user-day's plan current and emits it exactly once per revision: the plan is stored
 * (with its revision and content hash) in the day's document first, emitted second, marked emitted
 * third. A stored but unemitted revision is emitted again unchanged by the next touch of the day or
 * by the sweep, never replaced by a different plan under the same revision. What a change does to a
 * day is decided in {@code day.core}; this class loads, stores and emits.
 */
@Service
public class DayService {

  private static final Logger log = LoggerFactory.getLogger(DayService.class);
  private static final int MAX_ATTEMPTS = 20;

  private final UserDayRepository days;
  private final SettingsLookup settings;
  private final PlanEmitter emitter;
  private final SyncRecorder sync;
  private final DayProperties properties;
  private final PlanPolicy policy;
  private final Clock clock;

  public DayService(
      UserDayRepository days,
      SettingsLookup settings,
      PlanEmitter emitter,
      SyncRecorder sync,
      DayProperties properties,
      Clock clock) {
    this.days = days;
    this.settings = settings;
    this.emitter = emitter;
    this.sync = sync;
    this.properties = properties;
    this.policy = new PlanPolicy(properties.dayEndGrace());
    this.clock = clock;
  }

  /**
   * Applies a batch of session changes and emits the plans they changed: one read of all the days,
   * one write, one emission. Days in {@code owed} only have a stored but unemitted plan emitted
   * (their session change was already applied before a crash or a failed emission).
   */
  public void applySessions(
      Map<DayRef, List<SessionChange>> changes,
      Set<DayRef> owed,
      Map<String, AllocationSettings> settings) {
    Set<DayRef> refs = new HashSet<>(changes.keySet());
    refs.addAll(owed);
    Map<DayRef, UserDay> stored = days.findAll(refs);
    List<UserDay> changed = new ArrayList<>();
    for (Map.Entry<DayRef, List<SessionChange>> e : changes.entrySet()) {
      DayRef ref = e.getKey();
      UserDay day = stored.computeIfAbsent(ref, r -> new UserDay(r.userId(), r.date()));
      AllocationSettings s = settings.get(ref.userId());
      boolean applied = DayEdit.sessions(e.getValue()).apply(day, s);
      if (policy.plan(day, s, false, clock.instant()) || applied) {
        changed.add(day);
      }
    }
    if (!days.saveAll(changed)) {
      // Someone else (an API call, a sync result) wrote one of these days in between: redo each
      // day on its own from what is stored; re-applying is harmless (contributions are
      // version-guarded and an unchanged plan keeps its revision).
      changes.forEach(
          (ref, list) -> change(ref.userId(), ref.date(), DayEdit.sessions(list), Planning.PLAN));
      stored = days.findAll(owed);
    }
    emitter.emitAll(stored.values().stream().filter(PlanPolicy::owesEmission).toList());
  }

  /**
   * Makes the day hold exactly these sessions (after a time zone change moved sessions between
   * days), version-guarded like any session change, and re-plans it unless {@code replan} is false
   * (the plan Clockify holds stays).
   */
  public void reconcile(
      String userId, LocalDate date, Collection<Contribution> desired, boolean replan) {
    change(userId, date, DayEdit.holdExactly(desired), replan ? Planning.PLAN : Planning.KEEP);
  }

  /**
   * The user's stored days, split into those a change to these settings re-plans and those it
   * leaves as Clockify holds them (see {@link SettingsReplan}).
   */
  public SettingsReplan.StoredDates storedDates(String userId, AllocationSettings settings) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), settings.timeZone());
    return SettingsReplan.split(days.findByUser(userId), today);
  }

  /**
   * Re-plans a day as it stands (after a settings change, on request, or to finish a pending
   * emission).
   *
   * @return true when the day got a new plan revision
   */
  public boolean replan(String userId, LocalDate date) {
    return change(userId, date, DayEdit.none(), Planning.PLAN);
  }

  /**
   * Re-plans the user's stored days in [from, to], those Clockify already holds included (closed
   * days stay closed).
   *
   * @return the dates that got a new plan revision
   */
  public List<LocalDate> replanRange(String userId, LocalDate from, LocalDate to) {
    List<LocalDate> replanned = new ArrayList<>();
    for (UserDay day : days.findRange(userId, from, to)) {
      if (replan(userId, day.date())) {
        replanned.add(day.date());
      }
    }
    return replanned;
  }

  /**
   * Takes the clockify-connector's observations of the user's own Clockify entries and re-plans
   * each observed day around them at once (a newer observation of other busy time is a new
   * revision, whether the day was synced or not); per day the newest observation wins, older ones
   * than the day holds are ignored.
   */
  public void observeBusy(List<BusyObservation> observations) {
    for (BusyObservation o : SyncResults.newestPerDay(observations)) {
      change(o.day().userId(), o.day().date(), DayEdit.observe(o), Planning.PLAN);
    }
  }

  /** Re-plans and pushes the day again with a new revision even when unchanged. */
  public void resync(String userId, LocalDate date) {
    PlanPolicy.requireOpen(settings.get(userId), date);
    change(userId, date, DayEdit.none(), Planning.FORCE);
  }

  /** Approves the day's current plan content, which is then pushed. */
  public void approve(String userId, LocalDate date) {
    PlanPolicy.requireOpen(settings.get(userId), date);
    change(userId, date, DayEdit.approve(), Planning.PLAN);
  }

  /** Records a poll's sync results on their days (no re-plan); see {@link SyncRecorder}. */
  public void applySyncResults(List<SyncResult> results) {
    sync.applyAll(results);
  }

  /** Pushes the DAY_END days whose day plus grace is over. */
  public int sweepDue() {
    int pushed = 0;
    for (UserDay day : days.findDue(clock.instant(), properties.sweepBatch())) {
      try {
        replan(day.userId(), day.date());
        pushed++;
      } catch (RuntimeException e) {
        log.warn("could not push due day {}/{}: {}", day.userId(), day.date(), e.toString());
      }
    }
    return pushed;
  }

  /**
   * Edits and (unless KEEP) re-plans the day, stores it and emits a new plan revision, re-reading
   * the day when someone else wrote it in between.
   *
   * @return true when the day got a new plan revision
   */
  private boolean change(String userId, LocalDate date, DayEdit edit, Planning planning) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      UserDay day = days.find(userId, date).orElseGet(() -> new UserDay(userId, date));
      long revision = day.plan() == null ? 0 : day.plan().revision();
      AllocationSettings s = settings.get(userId);
      boolean changed = edit.apply(day, s);
      boolean planned =
          planning != Planning.KEEP
              && policy.plan(day, s, planning == Planning.FORCE, clock.instant());
      if ((changed || planned) && !days.save(day)) {
        continue;
      }
      if (PlanPolicy.owesEmission(day)) {
        emitter.emitAll(List.of(day));
      }
      return day.plan() != null && day.plan().revision() != revision;
    }
    throw new ConcurrentDayChangeException(userId, date);
  }
}
