package io.focussync.clockify.ledger;

import io.focussync.clockify.client.ClockifyApi;
import io.focussync.clockify.client.ClockifyException;
import io.focussync.clockify.client.EntryBody;
import io.focussync.clockify.client.RecordingClockify;
import io.focussync.clockify.client.Tag;
import io.focussync.clockify.client.TimeEntry;
import io.focussync.clockify.connection.Connection;
import io.focussync.clockify.connection.ConnectionService;
import io.focussync.clockify.history.HistoryStore;
import io.focussync.clockify.history.SyncRun;
import io.focussync.clockify.reconcile.Action;
import io.focussync.clockify.reconcile.DesiredEntry;
import io.focussync.clockify.reconcile.LedgerSlot;
import io.focussync.clockify.reconcile.Reconciler;
import io.focussync.clockify.reconcile.SlotState;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.dayplans.v1.PlannedEntry;
import io.focussync.contracts.syncresults.v1.DaySyncFailed;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.contracts.syncresults.v1.SyncedEntry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies the newest plan of a user-day: reconciles the ledger to it with Clockify calls, keeping
 * every step crash-safe (pending before create, lookup and adopt before any re-post), then records
 * the run and publishes the result. The plan comes from {@link AcceptedPlans} when this process
 * accepted it, else from the store.
 */
@Service
public class DayApplier {

  private static final Logger log = LoggerFactory.getLogger(DayApplier.class);

  private final DayStore days;
  private final AcceptedPlans accepted;
  private final LedgerStore ledger;
  private final ConnectionService connections;
  private final HistoryStore history;
  private final ResultPublisher results;
  private final ApplyHooks hooks;
  private final ApplyProperties properties;
  private final MeterRegistry meters;
  private final Clock clock;

  public DayApplier(
      DayStore days,
      AcceptedPlans accepted,
      LedgerStore ledger,
      ConnectionService connections,
      HistoryStore history,
      ResultPublisher results,
      Optional<ApplyHooks> hooks,
      ApplyProperties properties,
      MeterRegistry meters,
      Clock clock) {
    this.days = days;
    this.accepted = accepted;
    this.ledger = ledger;
    this.connections = connections;
    this.history = history;
    this.results = results;
    this.hooks = hooks.orElse(new ApplyHooks() {});
    this.properties = properties;
    this.meters = meters;
    this.clock = clock;
  }

  /**
   * Applies the day's newest plan if not applied yet, in the lane of the given scope; the delay
   * before the day is to be queued again, if one is due (zero: at once, e.g. in another lane).
   */
  public Optional<Duration> apply(DayKey key, String laneScope) {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "skipped";
    try {
      DayPlanned plan;
      int failures;
      Optional<AcceptedPlans.Held> held = accepted.newest(key);
      if (held.isPresent()) {
        plan = held.get().plan();
        failures = held.get().failures();
      } else {
        Optional<DayRecord> day = days.find(key.userId(), key.date());
        if (day.isEmpty() || !day.get().pending()) {
          return Optional.empty();
        }
        plan = day.get().plan();
        failures = day.get().failures();
      }
      Optional<Connection> connection = connections.find(key.userId());
      if (connection.isEmpty()) {
        days.markWaiting(key.userId(), key.date());
        accepted.forget(key);
        outcome = "waiting";
        return Optional.empty();
      }
      if (!connection.get().scope().equals(laneScope)) {
        // The connection moved to another workspace since the day was queued: one lane per scope.
        outcome = "rerouted";
        return Optional.of(Duration.ZERO);
      }
      Run run = new Run(plan, failures, connection.get());
      Optional<Duration> retry = run.execute();
      outcome = run.outcome;
      return retry;
    } finally {
      sample.stop(
          Timer.builder("focussync.clockify.plan.apply")
              .description("Time to apply one revision of a user-day's plan to Clockify")
              .tag("outcome", outcome)
              .register(meters));
    }
  }

  /** The state of one apply. */
  private final class Run {
    private final DayKey key;
    private final DayPlanned plan;
    private final int failuresBefore;
    private final Connection connection;
    private final ClockifyApi api;
    private final String userId;
    private final LocalDate date;
    private final String scope;
    private final Map<String, String> entryIds = new HashMap<>();
    private final Set<String> ownedIds = new HashSet<>();
    private final Map<String, String> attention = new LinkedHashMap<>();
    private final Set<String> unfinished = new HashSet<>();
    private int created;
    private int updated;
    private int deleted;
    private String markerTagId;
    private String outcome = "synced";

    Run(DayPlanned plan, int failuresBefore, Connection connection) {
      this.key = new DayKey(plan.userId(), plan.date());
      this.plan = plan;
      this.failuresBefore = failuresBefore;
      this.connection = connection;
      this.api = connections.clientFor(connection);
      this.userId = plan.userId();
      this.date = plan.date();
      this.scope = connection.scope();
    }

    Optional<Duration> execute() {
      List<DesiredEntry> desired = plan.entries().stream().map(DayApplier::desired).toList();
      List<LedgerSlot> slots = ledger.load(userId, scope, date);
      slots.forEach(
          slot -> {
            if (slot.entryId() != null) {
              ownedIds.add(slot.entryId());
            }
          });
      List<Action> actions = Reconciler.reconcile(slots, desired, plan.revision());
      actions.forEach(action -> unfinished.add(action.slot()));
      try {
        markerTagId = markerTag();
        for (Action action : actions) {
          if (action.writes() && superseded()) {
            outcome = "superseded";
            return Optional.of(Duration.ZERO);
          }
          step(action);
          unfinished.remove(action.slot());
        }
      } catch (ClockifyException e) {
        if (!e.isTransient()) {
          throw new IllegalStateException("a refusal escaped its slot", e);
        }
        return failed(e);
      }
      return finish();
    }

    private String markerTag() {
      if (connection.markerTagId() != null) {
        return connection.markerTagId();
      }
      String name = connections.markerTagName();
      Tag tag = api.findTag(name).orElseGet(() -> api.createTag(name));
      connections.saveMarkerTag(userId, tag.id());
      return tag.id();
    }

    /** A newer revision was accepted here meanwhile (one accepted elsewhere is caught later). */
    private boolean superseded() {
      return accepted.newerThan(key, plan.revision());
    }

    private void step(Action action) {
      LedgerSlot current = action.current();
      switch (action.type()) {
        case KEEP:
          if (current.state() != SlotState.SYNCED) {
            save(LedgerSlot.synced(action.desired(), current.entryId()));
          }
          entryIds.put(action.slot(), current.entryId());
          break;
        case BLOCKED:
          attention.put(action.slot(), blockedReason(current));
          break;
        case FORGET:
          ledger.remove(userId, scope, date, action.slot());
          break;
        case DELETE:
          delete(action.slot(), current, current.entryId());
          break;
        case RESUME_DELETE:
          Optional<TimeEntry> orphan = lookup(current.projectId(), current.start());
          if (orphan.isPresent()) {
            delete(action.slot(), current, orphan.get().id());
          } else {
            ledger.remove(userId, scope, date, action.slot());
          }
          break;
        case UPDATE:
          update(action.desired(), current);
          break;
        case RESUME_CREATE:
          Optional<TimeEntry> sent = lookup(current.projectId(), current.start());
          if (sent.isPresent()) {
            LedgerSlot adopted =
                new LedgerSlot(
                    current.slot(),
                    sent.get().id(),
                    current.hash(),
                    SlotState.SYNCED,
                    current.projectId(),
                    current.start(),
                    0);
            adopt(adopted);
            if (adopted.hash().equals(action.desired().hash())) {
              entryIds.put(action.slot(), adopted.entryId());
              created++;
            } else {
              update(action.desired(), adopted);
            }
          } else {
            create(action.desired());
          }
          break;
        case CREATE:
          create(action.desired());
          break;
        default:
          throw new IllegalStateException("unknown action " + action.type());
      }
    }

    private void create(DesiredEntry desired) {
      save(LedgerSlot.pending(desired));
      ClockifyException last = null;
      for (int attempt = 1; attempt <= properties.createAttempts(); attempt++) {
        try {
          TimeEntry entry = api.createEntry(body(desired));
          hooks.afterCreate(userId, date, desired.slot(), entry.id());
          adopt(LedgerSlot.synced(desired, entry.id()));
          entryIds.put(desired.slot(), entry.id());
          created++;
          return;
        } catch (ClockifyException e) {
          if (!e.isTransient()) {
            ledger.remove(userId, scope, date, desired.slot());
            attention.put(
                desired.slot(),
                "Clockify refused to create the entry of slot "
                    + desired.slot()
                    + " ("
                    + e.status()
                    + "): check the project mapping and the workspace's required fields");
            return;
          }
          if (!mayHaveCreated(e)) {
            throw e;
          }
          last = e;
          // The POST may have created the entry: look before any re-post.
          Optional<TimeEntry> found = lookup(desired.projectId(), desired.start());
          if (found.isPresent()) {
            log.info("adopted entry {} for slot {} after {}", found.get().id(), desired.slot(), e);
            adopt(LedgerSlot.synced(desired, found.get().id()));
            entryIds.put(desired.slot(), found.get().id());
            created++;
            return;
          }
        }
      }
      throw last;
    }

    private void update(DesiredEntry desired, LedgerSlot current) {
      try {
        api.updateEntry(current.entryId(), body(desired));
        save(LedgerSlot.synced(desired, current.entryId()));
        entryIds.put(desired.slot(), current.entryId());
        updated++;
      } catch (ClockifyException e) {
        if (e.isTransient()) {
          throw e;
        }
        refused(desired.slot(), current, e);
      }
    }

    private void delete(String slot, LedgerSlot current, String entryId) {
      try {
        api.deleteEntry(entryId);
        deleted++;
      } catch (ClockifyException e) {
        if (e.isTransient()) {
          throw e;
        }
        if (e.kind() != ClockifyException.Kind.BAD_REQUEST
            && e.kind() != ClockifyException.Kind.NOT_FOUND) {
          refused(slot, current, e);
          return;
        }
        // Clockify answers 400 for an entry that no longer exists: the delete is done.
      }
      ledger.remove(userId, scope, date, slot);
    }

    private void refused(String slot, LedgerSlot current, ClockifyException e) {
      switch (e.kind()) {
        case BAD_REQUEST:
        case NOT_FOUND:
          meters.counter("focussync.clockify.drift").increment();
          save(current.blocked(SlotState.DRIFTED, plan.revision()));
          attention.put(slot, blockedReason(current.blocked(SlotState.DRIFTED, 0)));
          break;
        case FORBIDDEN:
          save(current.blocked(SlotState.LOCKED, plan.revision()));
          attention.put(slot, blockedReason(current.blocked(SlotState.LOCKED, 0)));
          break;
        default:
          attention.put(
              slot, "Clockify refused the change of slot " + slot + " (" + e.status() + ")");
      }
    }

    private String blockedReason(LedgerSlot slot) {
      if (slot.state() == SlotState.DRIFTED) {
        return "drift: entry "
            + slot.entryId()
            + " of slot "
            + slot.slot()
            + " was deleted in Clockify; a resync recreates it";
      }
      return "entry " + slot.entryId() + " is locked (403)";
    }

    /** Our tagged entry of the user with this project and start that no slot owns yet. */
    private Optional<TimeEntry> lookup(String projectId, Instant start) {
      if (api.dryRun() || connection.clockifyUserId() == null || start == null) {
        return Optional.empty();
      }
      Duration margin = Duration.ofDays(1);
      return api
          .listEntries(
              connection.clockifyUserId(), start.minus(margin), start.plus(margin), markerTagId)
          .stream()
          .filter(entry -> entry.tagIds().contains(markerTagId))
          .filter(entry -> Objects.equals(entry.projectId(), projectId))
          .filter(entry -> start.equals(entry.start()))
          .filter(entry -> !ownedIds.contains(entry.id()))
          .findFirst();
    }

    private void adopt(LedgerSlot slot) {
      save(slot);
      ownedIds.add(slot.entryId());
    }

    private void save(LedgerSlot slot) {
      ledger.save(userId, scope, date, slot);
    }

    private EntryBody body(DesiredEntry desired) {
      return new EntryBody(
          desired.start(),
          desired.end(),
          desired.projectId(),
          desired.description(),
          List.of(markerTagId));
    }

    private Optional<Duration> failed(ClockifyException e) {
      outcome = "failed";
      int failures = failuresBefore + 1;
      String reason = e.getMessage();
      log.warn(
          "applying {} {} r{} failed (attempt {}): {}",
          userId,
          date,
          plan.revision(),
          failures,
          reason);
      record("FAILED", reason, unfinished.size());
      days.markFailed(userId, date, reason, failures);
      accepted.failed(key, plan.revision(), failures);
      if (days.claimFailureReport(userId, date, plan.revision())) {
        results.failed(
            new DaySyncFailed(
                userId,
                date,
                plan.revision(),
                "FAILED",
                reason,
                unfinished.stream().sorted().toList(),
                clock.instant()));
      }
      return Optional.of(properties.retryDelay(failures));
    }

    private Optional<Duration> finish() {
      if (!attention.isEmpty()) {
        outcome = "needs_attention";
        String reason = String.join("; ", attention.values());
        record("NEEDS_ATTENTION", reason, attention.size());
        days.markApplied(userId, date, plan.revision(), "NEEDS_ATTENTION", reason);
        results.failed(
            new DaySyncFailed(
                userId,
                date,
                plan.revision(),
                "NEEDS_ATTENTION",
                reason,
                new ArrayList<>(attention.keySet()),
                clock.instant()));
        accepted.applied(key, plan.revision());
        return Optional.empty();
      }
      record("SYNCED", null, 0);
      days.markApplied(userId, date, plan.revision(), "SYNCED", null);
      List<SyncedEntry> entries = new ArrayList<>();
      for (PlannedEntry entry : plan.entries()) {
        String id = entryIds.get(entry.slot());
        if (id != null) {
          entries.add(
              new SyncedEntry(
                  entry.slot(), id, api.dryRun() ? null : entryUrl(id), entry.sessionIds()));
        }
      }
      results.synced(
          new DaySynced(
              userId,
              date,
              plan.revision(),
              api.dryRun(),
              entries,
              created,
              updated,
              deleted,
              clock.instant()));
      accepted.applied(key, plan.revision());
      return Optional.empty();
    }

    private void record(String status, String error, int failed) {
      List<SyncRun.Call> calls =
          api instanceof RecordingClockify recording
              ? recording.calls().stream()
                  .map(call -> new SyncRun.Call(call.method(), call.path(), call.body()))
                  .toList()
              : List.of();
      history.record(
          new SyncRun(
              userId,
              date,
              plan.revision(),
              clock.instant(),
              created,
              updated,
              deleted,
              failed,
              api.dryRun(),
              status,
              error,
              calls));
    }

    private String entryUrl(String entryId) {
      URI base = URI.create(connection.baseUrl());
      String host = base.getHost();
      String app =
          "api.clockify.me".equals(host)
              ? "https://app.clockify.me"
              : base.getScheme() + "://" + base.getRawAuthority();
      return app + "/tracker?entry=" + entryId;
    }
  }

  private static boolean mayHaveCreated(ClockifyException e) {
    return !e.retrySafe()
        && e.kind() != ClockifyException.Kind.CIRCUIT_OPEN
        && e.kind() != ClockifyException.Kind.RATE_LIMITED;
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
