package io.focussync.clockify.reconcile;

import io.focussync.clockify.client.ClockifyApi;
import io.focussync.clockify.client.ClockifyException;
import io.focussync.clockify.client.ClockifyUser;
import io.focussync.clockify.client.EntryBody;
import io.focussync.clockify.client.Project;
import io.focussync.clockify.client.Tag;
import io.focussync.clockify.client.TimeEntry;
import io.focussync.clockify.client.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An in-memory Clockify for the core's tests: entries by id, listings that lag behind writes, and
 * failures queued per operation, thrown before or after the call takes effect.
 */
final class FakeClockify implements ClockifyApi {

  /** A queued failure of one call. */
  record Failure(ClockifyException error, boolean afterEffect) {}

  private final Clock clock;
  private final Map<String, TimeEntry> entries = new LinkedHashMap<>();
  private final Map<String, Instant> writtenAt = new LinkedHashMap<>();
  private final Map<String, Deque<Failure>> failures = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();
  Duration listingLag = Duration.ZERO;

  FakeClockify(Clock clock) {
    this.clock = clock;
  }

  void fail(String operation, ClockifyException error, boolean afterEffect) {
    failures
        .computeIfAbsent(operation, k -> new ArrayDeque<>())
        .add(new Failure(error, afterEffect));
  }

  List<TimeEntry> entries() {
    return List.copyOf(entries.values());
  }

  /** An entry the user made in Clockify's app (no marker tag). */
  TimeEntry putManual(Instant start, Instant end) {
    return put(new EntryBody(start, end, null, "manual", List.of()));
  }

  TimeEntry put(EntryBody body) {
    TimeEntry entry =
        new TimeEntry(
            UUID.randomUUID().toString(),
            body.projectId(),
            body.start(),
            body.end(),
            body.description(),
            body.tagIds(),
            false);
    entries.put(entry.id(), entry);
    writtenAt.put(entry.id(), clock.instant());
    return entry;
  }

  void deleteAsUser(String id) {
    entries.remove(id);
  }

  @Override
  public ClockifyUser currentUser() {
    return new ClockifyUser("u1", "ada", "UTC");
  }

  @Override
  public Optional<Tag> findTag(String name) {
    return Optional.of(new Tag("tag", name));
  }

  @Override
  public Tag createTag(String name) {
    return new Tag("tag", name);
  }

  @Override
  public Optional<Project> project(String projectId) {
    return Optional.empty();
  }

  @Override
  public Workspace workspace() {
    calls.add("GET workspace");
    return new Workspace("ws", "Workspace", null, null, null);
  }

  @Override
  public List<Workspace> workspaces() {
    return List.of(workspace());
  }

  @Override
  public List<Project> projects() {
    return List.of();
  }

  @Override
  public TimeEntry createEntry(EntryBody body) {
    Failure failure = next("POST");
    if (failure != null && !failure.afterEffect()) {
      throw failure.error();
    }
    TimeEntry entry = put(body);
    if (failure != null) {
      throw failure.error();
    }
    return entry;
  }

  @Override
  public TimeEntry updateEntry(String entryId, EntryBody body) {
    throwIfQueued("PUT");
    if (!entries.containsKey(entryId)) {
      throw new ClockifyException(ClockifyException.Kind.BAD_REQUEST, 400, "gone", null, false);
    }
    TimeEntry entry =
        new TimeEntry(
            entryId,
            body.projectId(),
            body.start(),
            body.end(),
            body.description(),
            body.tagIds(),
            false);
    entries.put(entryId, entry);
    return entry;
  }

  @Override
  public Optional<TimeEntry> getEntry(String entryId) {
    calls.add("GET " + entryId);
    return Optional.ofNullable(entries.get(entryId));
  }

  @Override
  public void deleteEntry(String entryId) {
    throwIfQueued("DELETE");
    if (entries.remove(entryId) == null) {
      throw new ClockifyException(ClockifyException.Kind.BAD_REQUEST, 400, "gone", null, false);
    }
  }

  @Override
  public List<TimeEntry> listEntries(String userId, Instant from, Instant to, String tagId) {
    calls.add("LIST");
    Instant visibleBefore = clock.instant().minus(listingLag);
    return entries.values().stream()
        .filter(entry -> !writtenAt.get(entry.id()).isAfter(visibleBefore))
        .filter(entry -> !entry.start().isBefore(from) && entry.start().isBefore(to))
        .filter(entry -> tagId == null || entry.tagIds().contains(tagId))
        .toList();
  }

  private void throwIfQueued(String operation) {
    Failure failure = next(operation);
    if (failure != null) {
      throw failure.error();
    }
  }

  private Failure next(String operation) {
    calls.add(operation);
    Deque<Failure> queued = failures.get(operation);
    return queued == null ? null : queued.poll();
  }
}
