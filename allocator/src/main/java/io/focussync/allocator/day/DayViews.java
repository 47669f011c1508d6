package io.focussync.allocator.day;

import io.focussync.allocator.allocation.AllocatedEntry;
import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.Bucket;
import io.focussync.allocator.allocation.BusySpan;
import io.focussync.allocator.allocation.DayAllocation;
import io.focussync.allocator.allocation.PushPolicy;
import io.focussync.allocator.allocation.SettingsLookup;
import io.focussync.allocator.day.core.SettingsReplan;
import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Builds the day views of the API from the stored user-days. */
@Service
public class DayViews {

  static final String FILLED_BY_MANUAL_ENTRIES =
      "your own Clockify entries fill the work day: there is nothing to plan";

  private final UserDayRepository days;
  private final SettingsLookup settings;
  private final DayProperties properties;
  private final Clock clock;

  public DayViews(
      UserDayRepository days, SettingsLookup settings, DayProperties properties, Clock clock) {
    this.days = days;
    this.settings = settings;
    this.properties = properties;
    this.clock = clock;
  }

  /** One day with its buckets. */
  public DayView day(String userId, LocalDate date) {
    AllocationSettings s = settings.get(userId);
    UserDay day = days.find(userId, date).orElseGet(() -> new UserDay(userId, date));
    return view(day, s, today(s));
  }

  /** Every day in [from, to] that has sessions or a plan, without buckets. */
  public List<DayView> range(String userId, LocalDate from, LocalDate to) {
    AllocationSettings s = settings.get(userId);
    LocalDate today = today(s);
    List<DayView> views = new ArrayList<>();
    for (UserDay day : days.findRange(userId, from, to)) {
      if (!day.sessions().isEmpty() || day.plan() != null) {
        views.add(view(day, s, today).withoutBuckets());
      }
    }
    return views;
  }

  /**
   * What re-planning the user's days in [from, to] would change, changing nothing: each stored day
   * (not closed) whose plan would get other content, with the plan it holds and the one it would
   * get.
   */
  public List<ReplanPreview> preview(String userId, LocalDate from, LocalDate to) {
    AllocationSettings s = settings.get(userId);
    ZoneId zone = s.timeZone();
    List<ReplanPreview> previews = new ArrayList<>();
    for (UserDay day : days.findRange(userId, from, to)) {
      if (s.isClosed(day.date())) {
        continue;
      }
      DayAllocation allocation = day.allocation(s);
      StoredPlan stored = day.plan();
      boolean same =
          stored == null
              ? allocation.entries().isEmpty()
              : stored.hash().equals(allocation.contentHash());
      if (!same) {
        previews.add(
            new ReplanPreview(
                day.date(),
                stored == null ? null : storedView(stored, zone),
                new DayView.PlanView(
                    null, allocation.mode().name(), false, entries(allocation.entries(), zone))));
      }
    }
    return previews;
  }

  /** Parses a {@code YYYY-MM-DD} parameter; a bad one is a 400. */
  public static LocalDate parseDate(String field, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw InvalidInputException.of(field, "must be a date YYYY-MM-DD");
    }
  }

  /** Checks a from..to range: ordered and at most maxRangeDays long. */
  public void checkRange(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new InvalidInputException(List.of(new FieldProblem("from", "must not be after to")));
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > properties.maxRangeDays()) {
      throw InvalidInputException.of(
          "to", "the range may span at most " + properties.maxRangeDays() + " days");
    }
  }

  private LocalDate today(AllocationSettings s) {
    return LocalDate.ofInstant(clock.instant(), s.timeZone());
  }

  private DayView view(UserDay day, AllocationSettings s, LocalDate today) {
    LocalDate date = day.date();
    ZoneId zone = s.timeZone();
    DayAllocation allocation = day.allocation(s);
    StoredPlan stored = day.plan();
    SyncState sync = day.sync();
    boolean closed = s.isClosed(date);
    boolean current = stored != null && stored.hash().equals(allocation.contentHash());
    // A past day Clockify holds that a settings change left alone: it shows what Clockify holds.
    // (Under APPROVAL the new content waits for approval as any other change does.)
    boolean outdated =
        !closed
            && !current
            && stored != null
            && stored.emitted()
            && s.pushPolicy() != PushPolicy.APPROVAL
            && !SettingsReplan.replans(date, today, sync != null && sync.heldByClockify());
    DayView.PlanView plan;
    if (closed || current || outdated || (allocation.entries().isEmpty() && stored == null)) {
      plan = stored == null ? null : storedView(stored, zone);
    } else {
      plan =
          new DayView.PlanView(
              null, allocation.mode().name(), false, entries(allocation.entries(), zone));
    }
    DayStatus status;
    if (closed) {
      status = DayStatus.CLOSED;
    } else if (day.sessions().isEmpty() && stored == null) {
      status = DayStatus.NO_SESSIONS;
    } else if (!current && !outdated && (stored != null || !allocation.entries().isEmpty())) {
      status =
          s.pushPolicy() == PushPolicy.APPROVAL ? DayStatus.AWAITING_APPROVAL : DayStatus.PLANNED;
    } else if (stored == null || !stored.emitted()) {
      status = DayStatus.PLANNED;
    } else if (sync != null && sync.resultRevision() == stored.revision()) {
      status = sync.status().dayStatus();
    } else {
      status = DayStatus.PENDING;
    }
    DayView.SyncView syncView =
        sync == null
            ? null
            : new DayView.SyncView(
                sync.appliedRevision(), sync.dryRun(), sync.entries(), sync.lastError());
    return new DayView(
        date,
        zone.getId(),
        s.isWorkday(date),
        status,
        reason(status, closed, s, sync, allocation),
        day.lateChanges(),
        outdated,
        buckets(allocation),
        plan,
        syncView,
        manualEntries(day.busy(), zone),
        conflicts(allocation, zone));
  }

  private static String reason(
      DayStatus status,
      boolean closed,
      AllocationSettings s,
      SyncState sync,
      DayAllocation allocation) {
    if (closed) {
      return "the day is before closedBefore (" + s.closedBefore() + ")";
    }
    if (status == DayStatus.CLOSED) {
      return sync.lastError() == null ? "Clockify locks the day" : sync.lastError();
    }
    return allocation.busyFillsWorkday() ? FILLED_BY_MANUAL_ENTRIES : null;
  }

  private static List<DayView.BucketView> buckets(DayAllocation allocation) {
    List<DayView.BucketView> buckets = new ArrayList<>();
    for (Bucket b : allocation.buckets()) {
      List<DayView.KeyView> keys =
          b.keys().stream()
              .map(k -> new DayView.KeyView(k.projectKey(), k.trackedMillis() / 1000, k.rule()))
              .toList();
      String rule =
          b.keys().stream().map(Bucket.KeyShare::rule).distinct().collect(Collectors.joining("; "));
      buckets.add(
          new DayView.BucketView(
              b.slot(), b.projectId(), b.trackedMillis() / 1000, b.share(), rule, keys));
    }
    return buckets;
  }

  private static DayView.PlanView storedView(StoredPlan stored, ZoneId zone) {
    return new DayView.PlanView(
        stored.revision(), stored.mode(), stored.emitted(), entries(stored.entries(), zone));
  }

  private static List<DayView.SpanView> manualEntries(List<BusySpan> busy, ZoneId zone) {
    return busy.stream()
        .sorted(Comparator.comparing(BusySpan::start).thenComparing(BusySpan::end))
        .map(b -> new DayView.SpanView(local(b.start(), zone), local(b.end(), zone)))
        .toList();
  }

  private static List<DayView.ConflictView> conflicts(DayAllocation allocation, ZoneId zone) {
    return allocation.conflicts().stream()
        .map(
            c ->
                new DayView.ConflictView(
                    c.sessionId(), local(c.start(), zone), local(c.end(), zone), c.title()))
        .toList();
  }

  private static List<DayView.EntryView> entries(List<AllocatedEntry> entries, ZoneId zone) {
    return entries.stream()
        .map(
            e ->
                new DayView.EntryView(
                    e.slot(),
                    e.projectId(),
                    local(e.start(), zone),
                    local(e.end(), zone),
                    e.description(),
                    e.sessionIds()))
        .toList();
  }

  private static OffsetDateTime local(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime();
  }
}
