package io.focussync.clockify.ledger;

import io.focussync.clockify.connection.Connection;
import io.focussync.clockify.reconcile.DayOutcome;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.dayplans.v1.BusyInterval;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.dayplans.v1.PlannedEntry;
import io.focussync.contracts.syncresults.v1.DayBusyObserved;
import io.focussync.contracts.syncresults.v1.DaySyncFailed;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.contracts.syncresults.v1.SyncedEntry;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Builds the result events of an apply, as they are kept in a day's outbox until published. */
final class SyncResults {

  private final Clock clock;
  private final Supplier<String> currentTraceparent;

  SyncResults(Clock clock, Supplier<String> currentTraceparent) {
    this.clock = clock;
    this.currentTraceparent = currentTraceparent;
  }

  DayRecord.PendingResult synced(
      DayPlanned plan, Connection connection, boolean dryRun, DayOutcome.Synced synced) {
    List<SyncedEntry> entries = new ArrayList<>();
    for (PlannedEntry entry : plan.entries()) {
      String id = synced.entryIds().get(entry.slot());
      if (id != null) {
        entries.add(
            new SyncedEntry(
                entry.slot(), id, dryRun ? null : entryUrl(connection, id), entry.sessionIds()));
      }
    }
    DayOutcome.Counts counts = synced.counts();
    return pending(
        new DaySynced(
            plan.userId(),
            plan.date(),
            plan.revision(),
            dryRun,
            entries,
            counts.created(),
            counts.updated(),
            counts.deleted(),
            clock.instant()));
  }

  DayRecord.PendingResult needsAttention(DayPlanned plan, String reason, Collection<String> slots) {
    return failure(plan, "NEEDS_ATTENTION", reason, slots);
  }

  DayRecord.PendingResult failed(DayPlanned plan, String reason, Collection<String> slots) {
    return failure(plan, "FAILED", reason, slots);
  }

  /** The day lies in Clockify's locked period: none of its planned slots can be written. */
  DayRecord.PendingResult closed(DayPlanned plan, String reason) {
    return failure(
        plan, "CLOSED", reason, plan.entries().stream().map(PlannedEntry::slot).toList());
  }

  DayRecord.PendingResult busyObserved(DayPlanned plan, List<BusyInterval> busy) {
    return pending(
        new DayBusyObserved(plan.userId(), plan.date(), plan.revision(), busy, clock.instant()));
  }

  private DayRecord.PendingResult failure(
      DayPlanned plan, String status, String reason, Collection<String> slots) {
    return pending(
        new DaySyncFailed(
            plan.userId(),
            plan.date(),
            plan.revision(),
            status,
            reason,
            slots.stream().sorted().toList(),
            clock.instant()));
  }

  private DayRecord.PendingResult pending(FocusSyncEvent event) {
    return new DayRecord.PendingResult(
        UUID.randomUUID().toString(),
        event.getClass().getSimpleName(),
        EventCodec.toJson(event),
        currentTraceparent.get());
  }

  private static String entryUrl(Connection connection, String entryId) {
    URI base = URI.create(connection.baseUrl());
    String app =
        "api.clockify.me".equals(base.getHost())
            ? "https://app.clockify.me"
            : base.getScheme() + "://" + base.getRawAuthority();
    return app + "/tracker?entry=" + entryId;
  }
}
