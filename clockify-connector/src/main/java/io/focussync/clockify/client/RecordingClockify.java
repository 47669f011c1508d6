package io.focussync.clockify.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A dry-run Clockify: records exactly the calls that would be made, with their bodies, and makes
 * none. Creates answer with a made-up id so that later revisions of the day become updates.
 */
public final class RecordingClockify implements ClockifyApi {

  /** The tag id a dry run pretends to have created. */
  public static final String DRY_RUN_TAG_ID = "dry-run-tag";

  private final String workspaceId;
  private final List<RecordedCall> calls = new ArrayList<>();

  public RecordingClockify(String workspaceId) {
    this.workspaceId = workspaceId;
  }

  /** The calls recorded so far, in order. */
  public List<RecordedCall> calls() {
    return List.copyOf(calls);
  }

  @Override
  public boolean dryRun() {
    return true;
  }

  @Override
  public ClockifyUser currentUser() {
    calls.add(new RecordedCall("GET", "/v1/user", null));
    return new ClockifyUser(null, null, null);
  }

  @Override
  public Optional<Tag> findTag(String name) {
    calls.add(
        new RecordedCall(
            "GET",
            path("/tags") + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
            null));
    return Optional.empty();
  }

  @Override
  public Tag createTag(String name) {
    calls.add(new RecordedCall("POST", path("/tags"), ClockifyJson.tagBody(name)));
    return new Tag(DRY_RUN_TAG_ID, name);
  }

  @Override
  public Optional<Project> project(String projectId) {
    calls.add(new RecordedCall("GET", path("/projects/" + projectId), null));
    return Optional.of(new Project(projectId, null, null, null, false));
  }

  /** Without a key nothing can be read: a workspace that locks nothing. */
  @Override
  public Workspace workspace() {
    calls.add(new RecordedCall("GET", path(""), null));
    return new Workspace(workspaceId, null, null, null, null);
  }

  @Override
  public List<Workspace> workspaces() {
    calls.add(new RecordedCall("GET", "/v1/workspaces", null));
    return List.of();
  }

  @Override
  public List<Project> projects() {
    calls.add(new RecordedCall("GET", path("/projects"), null));
    return List.of();
  }

  @Override
  public TimeEntry createEntry(EntryBody body) {
    calls.add(new RecordedCall("POST", path("/time-entries"), ClockifyJson.entryBody(body)));
    return entry("dry-run-" + UUID.randomUUID(), body);
  }

  @Override
  public TimeEntry updateEntry(String entryId, EntryBody body) {
    calls.add(
        new RecordedCall("PUT", path("/time-entries/" + entryId), ClockifyJson.entryBody(body)));
    return entry(entryId, body);
  }

  @Override
  public Optional<TimeEntry> getEntry(String entryId) {
    return Optional.empty();
  }

  @Override
  public void deleteEntry(String entryId) {
    calls.add(new RecordedCall("DELETE", path("/time-entries/" + entryId), null));
  }

  @Override
  public List<TimeEntry> listEntries(String userId, Instant from, Instant to, String tagId) {
    calls.add(new RecordedCall("GET", path("/user/" + userId + "/time-entries"), null));
    return List.of();
  }

  private String path(String rest) {
    return "/v1/workspaces/" + workspaceId + rest;
  }

  private static TimeEntry entry(String id, EntryBody body) {
    return new TimeEntry(
        id, body.projectId(), body.start(), body.end(), body.description(), body.tagIds(), false);
  }
}
