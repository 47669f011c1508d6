package io.focussync.allocator.day;

import io.focussync.allocator.allocation.AllocatedEntry;
import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.Bucket;
import io.focussync.allocator.allocation.DayAllocation;
import io.focussync.allocator.allocation.DayPlanner;
import io.focussync.allocator.allocation.PushPolicy;
import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Builds the day views of the API from the stored user-days. */
@Service
public class DayViews {

  private final UserDayRepository days;
  private final io.focussync.allocator.settings.SettingsService settings;
  private final DayProperties properties;

  public DayViews(
      UserDayRepository days,
      io.focussync.allocator.settings.SettingsService settings,
      DayProperties properties) {
    this.days = days;
    this.settings = settings;
    this.properties = properties;
  }

  /** One day with its buckets. */
  public DayView day(String userId, LocalDate date) {
    AllocationSettings s = settings.get(userId);
    UserDay day = days.find(userId, date).orElseGet(() -> new UserDay(userId, date));
    return view(day, s);
  }

  /** Every day in [from, to] that has sessions or a plan, without buckets. */
  public List<DayView> range(String userId, LocalDate from, LocalDate to) {
    AllocationSettings s = settings.get(userId);
    List<DayView> views = new ArrayList<>();
    for (UserDay day : days.findRange(userId, from, to)) {
      if (!day.sessions().isEmpty() || day.plan() != null) {
        views.add(view(day, s).withoutBuckets());
      }
    }
    return views;
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

  private DayView view(UserDay day, AllocationSettings s) {
    LocalDate date = day.date();
    ZoneId zone = s.timeZone();
    DayAllocation allocation = DayPlanner.plan(s, date, day.spans());
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
    StoredPlan stored = day.plan();
    boolean closed = s.isClosed(date);
    String hash = allocation.contentHash();
    boolean current = stored != null && stored.hash().equals(hash);
    DayView.PlanView plan;
    if (closed || current || (allocation.entries().isEmpty() && stored == null)) {
      plan =
          stored == null
              ? null
              : new DayView.PlanView(
                  stored.revision(),
                  stored.mode(),
                  stored.emitted(),
                  entries(stored.entries(), zone));
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
    } else if (!current && (stored != null || !allocation.entries().isEmpty())) {
      status =
          s.pushPolicy() == PushPolicy.APPROVAL ? DayStatus.AWAITING_APPROVAL : DayStatus.PLANNED;
    } else if (stored == null || !stored.emitted()) {
      status = DayStatus.PLANNED;
    } else if (day.sync() != null && day.sync().resultRevision() == stored.revision()) {
      status = DayStatus.valueOf(day.sync().status());
    } else {
      status = DayStatus.PENDING;
    }
    SyncState sync = day.sync();
    DayView.SyncView syncView =
        sync == null
            ? null
            : new DayView.SyncView(
                sync.appliedRevision(), sync.dryRun(), sync.entries(), sync.lastError());
    return new DayView(
        date,
        zone.getId(),
        s.isWorkday(date),
        status.name(),
        day.lateChanges(),
        buckets,
        plan,
        syncView);
  }

  private static List<DayView.EntryView> entries(List<AllocatedEntry> entries, ZoneId zone) {
    Function<java.time.Instant, java.time.OffsetDateTime> local =
        i -> i.atZone(zone).toOffsetDateTime();
    return entries.stream()
        .map(
            e ->
                new DayView.EntryView(
                    e.slot(),
                    e.projectId(),
                    local.apply(e.start()),
                    local.apply(e.end()),
                    e.description(),
                    e.sessionIds()))
        .toList();
  }
}
