package io.focussync.clockify.reconcile;

import io.focussync.clockify.client.ClockifyApi;
import io.focussync.clockify.client.ClockifyException;
import io.focussync.clockify.client.EntryBody;
import io.focussync.clockify.client.TimeEntry;
import io.focussync.contracts.dayplans.v1.BusyInterval;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One run of a day's plan against Clockify: the decisions of the sync engine. A day that Clockify's
 * lock closes gets no call. Otherwise the run lists the user's entries of the day once; when the
 * user's own entries ({@link BusyTime}) take other time than the plan was made around, it writes
 * nothing and asks for a new plan. Else it reconciles the day's ledger to the plan ({@link
 * Reconciler}), touching only entries of the ledger, and takes each step crash-safe: a slot is
 * recorded pending before its POST; a POST that may have reached Clockify is never sent again
 * before the consistency window has passed and a lookup found no entry that is provably this slot's
 * (marker tag, project, start and end, owned by no other slot of the day); a DELETE or PUT refused
 * with 400/404 is "gone" only when a GET confirms it. Every ledger write goes through the {@link
 * DayGuard}, so a run that lost its day changes nothing.
 */
public final class DayRun {

  /** What the run needs besides the ledger and the plan. */
  public record Context(
      ClockifyApi api,
      DayGuard guard,
      MarkerTag markerTag,
      LockDate lockDate,
      String clockifyUserId,
      Duration consistencyWindow,
      Clock clock) {}

  private final Context context;
  private final ClockifyApi api;
  private final DayGuard guard;
  private final Map<String, LedgerSlot> ledger = new TreeMap<>();
  private final DayPlan plan;
  private final long revision;
  private final Set<String> ledgerEntryIds;
  private final Map<String, String> entryIds = new HashMap<>();
  private final Map<String, String> attention = new LinkedHashMap<>();
  private final TreeSet<String> unfinished = new TreeSet<>();
  private final List<Duration> waits = new ArrayList<>();
  private String tagId;
  private List<TimeEntry> listed;
  private Instant startedAt;
  private int created;
  private int updated;
  private int deleted;

  /**
   * @param ledger the ledger of the connection's scope
   * @param ledgerEntryIds the entry ids in every ledger of the day (all scopes): entries of ours
   */
  public DayRun(
      Context context, DayPlan plan, Collection<LedgerSlot> ledger, Set<String> ledgerEntryIds) {
    this.context = context;
    this.api = context.api();
    this.guard = context.guard();
    ledger.forEach(slot -> this.ledger.put(slot.slot(), slot));
    this.plan = plan;
    this.revision = plan.revision();
    this.ledgerEntryIds = Set.copyOf(ledgerEntryIds);
  }

  /**
   * Runs the plan; throws {@link DayLostException} when the day is no longer this run's (the ledger
   * then holds everything done so far).
   */
  public DayOutcome run() {
    List<Action> actions =
        Reconciler.reconcile(new ArrayList<>(ledger.values()), plan.entries(), revision);
    actions.forEach(action -> unfinished.add(action.slot()));
    startedAt = context.clock().instant();
    try {
      Optional<WorkspaceLock> lock = context.lockDate().current();
      if (lock.isPresent() && lock.get().closes(plan.end())) {
        return new DayOutcome.Closed(lock.get().reason(), counts());
      }
      List<BusyInterval> busy = observedBusy();
      if (!BusyTime.plannedAround(plan.busy(), busy, plan.start(), plan.end())) {
        return new DayOutcome.BusyChanged(busy, counts());
      }
      for (Action action : actions) {
        if (step(action)) {
          unfinished.remove(action.slot());
        }
      }
    } catch (ClockifyException e) {
      return failed(e);
    }
    return finish();
  }

  /** Takes one step; false when the slot has to wait for the consistency window. */
  private boolean step(Action action) {
    LedgerSlot current = action.current();
    switch (action.type()) {
      case KEEP:
        if (current.state() != SlotState.SYNCED) {
          save(LedgerSlot.synced(action.desired(), current.entryId()));
        }
        entryIds.put(action.slot(), current.entryId());
        return true;
      case BLOCKED:
        attention.put(action.slot(), blockedReason(current));
        return true;
      case FORGET:
        forget(action.slot());
        return true;
      case DELETE:
        delete(current, current.entryId());
        return true;
      case RESUME_DELETE:
        return resumeDelete(current);
      case UPDATE:
        update(action.desired(), current);
        return true;
      case RESUME_CREATE:
        return resumeCreate(action.desired(), current);
      case CREATE:
        create(action.desired());
        return true;
      default:
        throw new IllegalStateException("unknown action " + action.type());
    }
  }

  private boolean resumeDelete(LedgerSlot current) {
    if (inWindow(current)) {
      return false;
    }
    List<TimeEntry> sent = lookup(current);
    for (TimeEntry entry : sent) {
      delete(current, entry.id());
    }
    if (sent.isEmpty()) {
      forget(current.slot());
    }
    return true;
  }

  private boolean resumeCreate(DesiredEntry desired, LedgerSlot current) {
    if (inWindow(current)) {
      return false;
    }
    List<TimeEntry> sent = lookup(current);
    if (sent.isEmpty()) {
      create(desired);
      return true;
    }
    LedgerSlot adopted = current.adopted(sent.get(0).id());
    save(adopted);
    for (TimeEntry copy : sent.subList(1, sent.size())) {
      // A second copy of this very slot (same tag, project, start and end, owned by no slot).
      deleteSurplus(copy.id());
    }
    if (adopted.hash().equals(desired.hash())) {
      entryIds.put(desired.slot(), adopted.entryId());
      created++;
    } else {
      update(desired, adopted);
    }
    return true;
  }

  private void create(DesiredEntry desired) {
    guard.beforeWrite();
    LedgerSlot pending = LedgerSlot.pending(desired, context.clock().instant());
    save(pending);
    TimeEntry entry;
    try {
      entry = api.createEntry(body(desired));
    } catch (ClockifyException e) {
      if (FailureKind.mayHaveCreated(e)) {
        // Kept pending: looked up once the consistency window has passed, never blindly re-sent.
        throw e;
      }
      forget(desired.slot());
      FailureKind kind = FailureKind.of(e);
      if (kind == FailureKind.TRANSIENT || kind == FailureKind.CREDENTIALS) {
        throw e;
      }
      attention.put(
          desired.slot(),
          "Clockify refused to create the entry of slot "
              + desired.slot()
              + " ("
              + e.status()
              + ": "
              + e.getMessage()
              + "): check the project mapping, the workspace's required fields and locks");
      return;
    }
    save(LedgerSlot.synced(desired, entry.id()));
    entryIds.put(desired.slot(), entry.id());
    created++;
  }

  private void update(DesiredEntry desired, LedgerSlot current) {
    guard.beforeWrite();
    try {
      api.updateEntry(current.entryId(), body(desired));
    } catch (ClockifyException e) {
      refusedChange(e, current);
      return;
    }
    save(LedgerSlot.synced(desired, current.entryId()));
    entryIds.put(desired.slot(), current.entryId());
    updated++;
  }

  private void delete(LedgerSlot current, String entryId) {
    if (deleteEntry(entryId, e -> refusedChange(e, current))) {
      forget(current.slot());
    }
  }

  private void deleteSurplus(String entryId) {
    deleteEntry(
        entryId,
        e -> {
          throw e;
        });
    listed.removeIf(entry -> entry.id().equals(entryId));
  }

  /**
   * DELETEs the entry; true when it is gone (deleted now, or a 400/404 that a GET confirms), else
   * the refusal is handed on.
   */
  private boolean deleteEntry(String entryId, Consumer<ClockifyException> refused) {
    guard.beforeWrite();
    try {
      api.deleteEntry(entryId);
      deleted++;
      return true;
    } catch (ClockifyException e) {
      if (goneAfterRefusal(e, entryId)) {
        return true;
      }
      refused.accept(e);
      return false;
    }
  }

  /** A PUT or DELETE was refused: the slot drifted (gone), is locked, or the refusal is shown. */
  private void refusedChange(ClockifyException e, LedgerSlot current) {
    FailureKind kind = FailureKind.of(e);
    if (kind == FailureKind.TRANSIENT || kind == FailureKind.CREDENTIALS) {
      throw e;
    }
    if (kind == FailureKind.LOCKED) {
      save(current.blocked(SlotState.LOCKED, revision));
      attention.put(current.slot(), blockedReason(ledger.get(current.slot())));
    } else if (confirmedGone(current.entryId())) {
      save(current.blocked(SlotState.DRIFTED, revision));
      attention.put(current.slot(), blockedReason(ledger.get(current.slot())));
    } else {
      attention.put(
          current.slot(),
          "Clockify refused the change of entry "
              + current.entryId()
              + " of slot "
              + current.slot()
              + " ("
              + e.status()
              + ": "
              + e.getMessage()
              + ")");
    }
  }

  /** Whether a 400/404 for the entry means it is gone: only when a GET confirms it. */
  private boolean goneAfterRefusal(ClockifyException e, String entryId) {
    FailureKind kind = FailureKind.of(e);
    return (kind == FailureKind.INVALID || kind == FailureKind.GONE) && confirmedGone(entryId);
  }

  private boolean confirmedGone(String entryId) {
    return api.getEntry(entryId).isEmpty();
  }

  /** The busy time of the user's own entries in the day's listing (none when it cannot list). */
  private List<BusyInterval> observedBusy() {
    List<TimeEntry> entries = listing();
    Set<String> ours = new HashSet<>(ledgerEntryIds);
    ledger.values().stream().map(LedgerSlot::entryId).filter(Objects::nonNull).forEach(ours::add);
    return BusyTime.observed(
        entries, ours, entries.isEmpty() ? null : tag(), plan.start(), plan.end());
  }

  /**
   * The user's entries that start on the day (or at the start of a pending slot of the ledger),
   * listed once per run, before any write; empty for a dry run or an unknown Clockify user, which
   * cannot list.
   */
  private List<TimeEntry> listing() {
    if (listed == null) {
      if (api.dryRun() || context.clockifyUserId() == null) {
        listed = new ArrayList<>();
      } else {
        Instant from = plan.start();
        Instant to = plan.end();
        for (LedgerSlot slot : ledger.values()) {
          if (slot.state() == SlotState.PENDING && slot.start() != null) {
            from = slot.start().isBefore(from) ? slot.start() : from;
            to = slot.start().plusSeconds(1).isAfter(to) ? slot.start().plusSeconds(1) : to;
          }
        }
        listed = new ArrayList<>(api.listEntries(context.clockifyUserId(), from, to, null));
      }
    }
    return listed;
  }

  /**
   * Whether a pending slot is still inside the consistency window. Measured from the run's start,
   * when the day was listed: a lookup only trusts a listing taken after the window.
   */
  private boolean inWindow(LedgerSlot pending) {
    if (pending.sentAt() == null || api.dryRun()) {
      return false;
    }
    Instant lookupFrom = pending.sentAt().plus(context.consistencyWindow());
    Duration left = Duration.between(startedAt, lookupFrom);
    if (left.isNegative() || left.isZero()) {
      return false;
    }
    waits.add(left);
    return true;
  }

  /**
   * The entries in the day's listing that are provably this pending slot's: ours (marker tag), with
   * its project, start and end, and owned by no other slot of the day.
   */
  private List<TimeEntry> lookup(LedgerSlot pending) {
    if (pending.start() == null) {
      return List.of();
    }
    String tag = tag();
    Instant start = pending.start();
    List<String> owned =
        ledger.values().stream()
            .filter(slot -> !slot.slot().equals(pending.slot()))
            .map(LedgerSlot::entryId)
            .filter(Objects::nonNull)
            .toList();
    return listing().stream()
        .filter(entry -> entry.tagIds().contains(tag))
        .filter(entry -> Objects.equals(entry.projectId(), pending.projectId()))
        .filter(entry -> start.equals(entry.start()))
        .filter(entry -> pending.end() == null || pending.end().equals(entry.end()))
        .filter(entry -> !owned.contains(entry.id()))
        .toList();
  }

  private String tag() {
    if (tagId == null) {
      tagId = context.markerTag().id();
    }
    return tagId;
  }

  private EntryBody body(DesiredEntry desired) {
    return new EntryBody(
        desired.start(), desired.end(), desired.projectId(), desired.description(), List.of(tag()));
  }

  private void save(LedgerSlot slot) {
    ledger.put(slot.slot(), slot);
    guard.saveLedger(List.copyOf(ledger.values()));
  }

  private void forget(String slot) {
    if (ledger.remove(slot) != null) {
      guard.saveLedger(List.copyOf(ledger.values()));
    }
  }

  private static String blockedReason(LedgerSlot slot) {
    if (slot.state() == SlotState.DRIFTED) {
      return "drift: entry "
          + slot.entryId()
          + " of slot "
          + slot.slot()
          + " was deleted in Clockify; a resync recreates it";
    }
    return "entry " + slot.entryId() + " of slot " + slot.slot() + " is locked (403)";
  }

  private DayOutcome failed(ClockifyException e) {
    DayOutcome.Counts counts = counts();
    FailureKind kind = FailureKind.of(e);
    if (kind == FailureKind.CREDENTIALS) {
      return new DayOutcome.CredentialsRefused(
          "Clockify refused the API key (" + e.status() + "): connect again with a valid key",
          counts);
    }
    if (kind == FailureKind.TRANSIENT) {
      Duration after = e.retryAfter() == null ? Duration.ZERO : e.retryAfter();
      return new DayOutcome.RetryLater(
          after, e.getMessage(), true, List.copyOf(unfinished), counts);
    }
    // Refused outside a slot's own call (the tag or a lookup): the day needs a person.
    Map<String, String> reasons = new LinkedHashMap<>(attention);
    String reason =
        "Clockify refused a call the sync needs (" + e.status() + ": " + e.getMessage() + ")";
    unfinished.forEach(slot -> reasons.putIfAbsent(slot, reason));
    if (reasons.isEmpty()) {
      reasons.put("day", reason);
    }
    return new DayOutcome.NeedsAttention(reasons, counts);
  }

  private DayOutcome finish() {
    if (!waits.isEmpty()) {
      Duration first = waits.stream().min(Duration::compareTo).orElseThrow();
      return new DayOutcome.RetryLater(
          first,
          "waiting out Clockify's consistency window before looking up "
              + waits.size()
              + " entries",
          false,
          List.copyOf(unfinished),
          counts());
    }
    if (!attention.isEmpty()) {
      return new DayOutcome.NeedsAttention(new LinkedHashMap<>(attention), counts());
    }
    return new DayOutcome.Synced(Map.copyOf(entryIds), counts());
  }

  private DayOutcome.Counts counts() {
    return new DayOutcome.Counts(created, updated, deleted);
  }
}
