package io.focussync.clockify.ledger;

import io.focussync.clockify.client.ClockifyApi;
import io.focussync.clockify.client.ClockifyClientProperties;
import io.focussync.clockify.client.RecordingClockify;
import io.focussync.clockify.client.Tag;
import io.focussync.clockify.connection.Connection;
import io.focussync.clockify.connection.ConnectionService;
import io.focussync.clockify.history.HistoryStore;
import io.focussync.clockify.history.SyncRun;
import io.focussync.clockify.locks.WorkspaceLocks;
import io.focussync.clockify.reconcile.DayLostException;
import io.focussync.clockify.reconcile.DayOutcome;
import io.focussync.clockify.reconcile.DayPlan;
import io.focussync.clockify.reconcile.DayRun;
import io.focussync.clockify.reconcile.DesiredEntry;
import io.focussync.clockify.reconcile.LedgerSlot;
import io.focussync.clockify.reconcile.LockDate;
import io.focussync.contracts.dayplans.v1.BusyInterval;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.dayplans.v1.PlannedEntry;
import io.focussync.platform.tracing.RecordTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies a user-day this replica owns: takes the day's lease (a new fencing token), publishes a
 * result left in its outbox, runs the newest stored plan through the framework-free {@link DayRun}
 * under a {@link FencedDay} (with the workspace's lock as {@link WorkspaceLocks} caches it), and
 * settles the outcome with its result in one fenced write, then publishes that result. The apply
 * runs in the trace of the plan's record (kept with the day), and so do its Clockify calls, its log
 * lines and its result. Decisions are the core's; this class only orchestrates.
 */
@Service
public class DayApplier {

  private static final Logger log = LoggerFactory.getLogger(DayApplier.class);
  private static final Duration CLAIM_RACE_RETRY = Duration.ofMillis(200);

  /**
   * How soon a day held by another replica is looked at again: a stopping replica lets its days go
   * long before their leases run out.
   */
  private static final Duration HELD_RECHECK = Duration.ofSeconds(2);

  private final DayStore days;
  private final AcceptedPlans accepted;
  private final Ownership ownership;
  private final ConnectionService connections;
  private final WorkspaceLocks locks;
  private final HistoryStore history;
  private final ResultPublisher results;
  private final SyncResults resultFactory;
  private final ApplyProperties properties;
  private final ClockifyClientProperties clientProperties;
  private final MeterRegistry meters;
  private final Clock clock;
  private final RecordTracing tracing;

  public DayApplier(
      DayStore days,
      AcceptedPlans accepted,
      Ownership ownership,
      ConnectionService connections,
      WorkspaceLocks locks,
      HistoryStore history,
      ResultPublisher results,
      ApplyProperties properties,
      ClockifyClientProperties clientProperties,
      MeterRegistry meters,
      Clock clock,
      RecordTracing tracing) {
    this.days = days;
    this.accepted = accepted;
    this.ownership = ownership;
    this.connections = connections;
    this.locks = locks;
    this.history = history;
    this.results = results;
    this.resultFactory = new SyncResults(clock, tracing::currentTraceparent);
    this.tracing = tracing;
    this.properties = properties;
    this.clientProperties = clientProperties;
    this.meters = meters;
    this.clock = clock;
  }

  /**
   * Applies the day's newest plan if it is this replica's to apply, in the lane of the given scope;
   * the delay before the day is to be queued again, if one is due (zero: at once, e.g. in another
   * lane).
   */
  public Optional<Duration> apply(DayKey key, String laneScope) {
    Timer.Sample sample = Timer.start(meters);
    String[] outcome = {"skipped"};
    try {
      return claimAndApply(key, laneScope, outcome);
    } finally {
      sample.stop(
          Timer.builder("focussync.clockify.plan.apply")
              .description("Time to apply one revision of a user-day's plan to Clockify")
              .tag("outcome", outcome[0])
              .register(meters));
    }
  }

  private Optional<Duration> claimAndApply(DayKey key, String laneScope, String[] outcome) {
    Optional<DayRecord> read = days.find(key.userId(), key.date());
    if (read.isEmpty() || !ownership.owns(read.get().partition())) {
      return Optional.empty();
    }
    DayRecord day = read.get();
    if (!day.pending() && day.outbox() == null) {
      accepted.settled(key, day.appliedRevision());
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (day.leaseUntil().isAfter(now) && !ownership.replicaId().equals(day.leaseOwner())) {
      outcome[0] = "held_elsewhere";
      Duration left = Duration.between(now, day.leaseUntil());
      return Optional.of(left.compareTo(HELD_RECHECK) < 0 ? left : HELD_RECHECK);
    }
    Optional<DayRecord> claimed =
        days.claim(day, ownership.replicaId(), now.plus(properties.lease()));
    if (claimed.isEmpty()) {
      outcome[0] = "held_elsewhere";
      return Optional.of(CLAIM_RACE_RETRY);
    }
    DayRecord held = claimed.get();
    return tracing.call(held.traceparent(), "apply day", () -> applyHeld(held, laneScope, outcome));
  }

  private Optional<Duration> applyHeld(DayRecord day, String laneScope, String[] outcome) {
    DayKey key = day.key();
    try {
      if (day.outbox() != null) {
        publish(key, day.fence(), day.outbox());
      }
      if (!day.pending()) {
        days.release(key, day.fence());
        return Optional.empty();
      }
      return applyClaimed(day, laneScope, outcome);
    } catch (DayLostException e) {
      outcome[0] = e.why().name().toLowerCase();
      log.info("stopped applying {} {}: {}", key.userId(), key.date(), e.getMessage());
      if (e.why() == DayLostException.Why.FENCED_OUT) {
        return Optional.empty();
      }
      days.release(key, day.fence());
      return e.why() == DayLostException.Why.SUPERSEDED
          ? Optional.of(Duration.ZERO)
          : Optional.empty();
    }
  }

  private Optional<Duration> applyClaimed(DayRecord day, String laneScope, String[] outcome) {
    DayKey key = day.key();
    Optional<Connection> found = connections.find(key.userId());
    if (found.isEmpty() || !found.get().usable()) {
      outcome[0] = "waiting";
      String reason = found.map(Connection::attention).orElse(null);
      settle(day, waitingForConnection(day, reason));
      return Optional.empty();
    }
    Connection connection = found.get();
    if (!connection.scope().equals(laneScope)) {
      // The connection moved to another workspace since the day was queued: one lane per scope.
      outcome[0] = "rerouted";
      days.release(key, day.fence());
      return Optional.of(Duration.ZERO);
    }
    ClockifyApi api = connections.clientFor(connection);
    FencedDay guard =
        new FencedDay(
            days, ownership, accepted, clock, properties.lease(), day, connection.scope());
    // A dry run has no key to read the workspace's lock with: it knows of none.
    LockDate lockDate =
        api.dryRun() ? Optional::empty : () -> locks.of(connection.workspaceId(), api);
    DayRun.Context context =
        new DayRun.Context(
            api,
            guard,
            () -> markerTag(connection, api),
            lockDate,
            connection.clockifyUserId(),
            properties.consistencyWindow(),
            clock);
    DayOutcome result =
        new DayRun(context, dayPlan(day.plan()), day.ledger(connection.scope()), ourEntryIds(day))
            .run();
    return settleOutcome(day, connection, api, result, outcome);
  }

  private Optional<Duration> settleOutcome(
      DayRecord day, Connection connection, ClockifyApi api, DayOutcome result, String[] outcome) {
    DayPlanned plan = day.plan();
    if (result instanceof DayOutcome.Synced synced) {
      outcome[0] = "synced";
      log.info(
          "synced day {} {} r{}{}: {} created, {} updated, {} deleted",
          day.userId(),
          plan.date(),
          plan.revision(),
          api.dryRun() ? " (dry run)" : "",
          result.counts().created(),
          result.counts().updated(),
          result.counts().deleted());
      record(day, api, "SYNCED", null, 0, result.counts());
      settleApplied(
          day,
          DayStatus.SYNCED,
          null,
          resultFactory.synced(plan, connection, api.dryRun(), synced));
      return Optional.empty();
    }
    if (result instanceof DayOutcome.NeedsAttention attention) {
      outcome[0] = "needs_attention";
      String reason = String.join("; ", attention.reasons().values());
      record(day, api, "NEEDS_ATTENTION", reason, attention.reasons().size(), result.counts());
      settleApplied(
          day,
          DayStatus.NEEDS_ATTENTION,
          reason,
          resultFactory.needsAttention(plan, reason, attention.reasons().keySet()));
      return Optional.empty();
    }
    if (result instanceof DayOutcome.Closed closed) {
      outcome[0] = "closed";
      record(day, api, "CLOSED", closed.reason(), 0, result.counts());
      settleApplied(
          day, DayStatus.CLOSED, closed.reason(), resultFactory.closed(plan, closed.reason()));
      return Optional.empty();
    }
    if (result instanceof DayOutcome.BusyChanged changed) {
      outcome[0] = "busy_changed";
      String reason = busyReason(plan, changed.busy());
      record(day, api, "WAITING_FOR_PLAN", reason, 0, result.counts());
      settleApplied(
          day,
          DayStatus.WAITING_FOR_PLAN,
          reason,
          resultFactory.busyObserved(plan, changed.busy()));
      return Optional.empty();
    }
    if (result instanceof DayOutcome.CredentialsRefused refused) {
      outcome[0] = "credentials";
      record(day, api, "NEEDS_ATTENTION", refused.reason(), 0, result.counts());
      connections.keyRefused(connection, refused.reason());
      settle(day, waitingForConnection(day, refused.reason()));
      return Optional.empty();
    }
    DayOutcome.RetryLater retry = (DayOutcome.RetryLater) result;
    if (!retry.failure()) {
      outcome[0] = "waiting_window";
      settle(
          day,
          new DayStore.Settlement(
              plan.revision(),
              false,
              DayStatus.PENDING,
              retry.reason(),
              day.failures(),
              day.reportedFailureRevision(),
              null));
      return Optional.of(retry.delay());
    }
    outcome[0] = "failed";
    int failures = day.failures() + 1;
    log.warn(
        "applying {} {} r{} failed (attempt {}): {}",
        day.userId(),
        plan.date(),
        plan.revision(),
        failures,
        retry.reason());
    record(day, api, "FAILED", retry.reason(), retry.unfinished().size(), result.counts());
    boolean report = day.reportedFailureRevision() < plan.revision();
    settle(
        day,
        new DayStore.Settlement(
            plan.revision(),
            false,
            DayStatus.FAILED,
            retry.reason(),
            failures,
            report ? plan.revision() : day.reportedFailureRevision(),
            report ? resultFactory.failed(plan, retry.reason(), retry.unfinished()) : null));
    Duration backOff = properties.retryDelay(failures);
    Duration retryAfter =
        retry.delay().compareTo(clientProperties.maxRetryAfter()) > 0
            ? clientProperties.maxRetryAfter()
            : retry.delay();
    return Optional.of(retryAfter.compareTo(backOff) > 0 ? retryAfter : backOff);
  }

  /** The plan's revision is applied: settled with the status and its result. */
  private void settleApplied(
      DayRecord day, DayStatus status, String reason, DayRecord.PendingResult result) {
    settle(
        day,
        new DayStore.Settlement(
            day.plan().revision(), true, status, reason, 0, day.reportedFailureRevision(), result));
  }

  /** A settlement for a day whose user has no usable connection; reported once per revision. */
  private DayStore.Settlement waitingForConnection(DayRecord day, String reason) {
    DayPlanned plan = day.plan();
    boolean report = reason != null && day.reportedFailureRevision() < plan.revision();
    return new DayStore.Settlement(
        plan.revision(),
        false,
        DayStatus.WAITING_FOR_CONNECTION,
        reason,
        day.failures(),
        report ? plan.revision() : day.reportedFailureRevision(),
        report ? resultFactory.needsAttention(plan, reason, List.of()) : null);
  }

  private void settle(DayRecord day, DayStore.Settlement settlement) {
    DayKey key = day.key();
    if (!days.settle(key, day.fence(), settlement)) {
      throw new DayLostException(
          DayLostException.Why.FENCED_OUT, "another replica holds the day now");
    }
    if (settlement.applied()) {
      accepted.settled(key, settlement.revision());
    }
    if (settlement.result() != null) {
      publish(key, day.fence(), settlement.result());
    }
  }

  private void publish(DayKey key, long fence, DayRecord.PendingResult result) {
    results.publish(result);
    days.published(key, fence);
  }

  private String markerTag(Connection connection, ClockifyApi api) {
    if (connection.markerTagId() != null) {
      return connection.markerTagId();
    }
    Tag tag = api.ensureTag(connections.markerTagName());
    connections.saveMarkerTag(connection.userId(), tag.id());
    return tag.id();
  }

  private void record(
      DayRecord day,
      ClockifyApi api,
      String status,
      String error,
      int failed,
      DayOutcome.Counts counts) {
    List<SyncRun.Call> calls =
        api instanceof RecordingClockify recording
            ? recording.calls().stream()
                .map(call -> new SyncRun.Call(call.method(), call.path(), call.body()))
                .toList()
            : List.of();
    history.record(
        new SyncRun(
            day.userId(),
            day.plan().date(),
            day.plan().revision(),
            clock.instant(),
            counts.created(),
            counts.updated(),
            counts.deleted(),
            failed,
            api.dryRun(),
            status,
            error,
            calls));
  }

  private static DayPlan dayPlan(DayPlanned plan) {
    return new DayPlan(
        plan.date(),
        DayPlan.zoneOf(plan.timeZone()),
        plan.revision(),
        plan.entries().stream().map(DayApplier::desired).toList(),
        plan.busy());
  }

  /** The entries of every ledger of the day (each scope's): ours, never busy time. */
  private static Set<String> ourEntryIds(DayRecord day) {
    Set<String> ids = new HashSet<>();
    day.ledgers().values().stream()
        .flatMap(List::stream)
        .map(LedgerSlot::entryId)
        .filter(Objects::nonNull)
        .forEach(ids::add);
    return ids;
  }

  private static String busyReason(DayPlanned plan, List<BusyInterval> busy) {
    return "the user's own Clockify entries take "
        + describe(busy)
        + ", the plan was made around "
        + describe(plan.busy())
        + ": nothing written, waiting for a plan made around them";
  }

  private static String describe(List<BusyInterval> busy) {
    if (busy.isEmpty()) {
      return "no time";
    }
    return busy.stream()
        .map(interval -> interval.start() + "/" + interval.end())
        .collect(Collectors.joining(", "));
  }

  private static DesiredEntry desired(PlannedEntry entry) {
    return new DesiredEntry(
        entry.slot(),
        entry.projectId(),
        entry.start(),
        entry.end(),
        entry.description(),
        entry.sessionIds());
  }
}
