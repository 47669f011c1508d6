package io.focussync.clockify.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Clockify calls Focus Sync makes, bound to one connection's base URL, key and workspace. Every
 * method throws {@link ClockifyException} when Clockify does not answer with success.
 */
public interface ClockifyApi {

  /** {@code GET /v1/user}: the key's owner. */
  ClockifyUser currentUser();

  /** {@code GET /v1/workspaces/{ws}/tags?name=..&strict-name-search=true}. */
  Optional<Tag> findTag(String name);

  /** {@code POST /v1/workspaces/{ws}/tags}. */
  Tag createTag(String name);

  /**
   * The workspace's tag of that name, created if missing: created first, since a new connection's
   * workspace rarely has it (one call), and looked up only when Clockify refuses the name with a
   * 400 because the tag exists.
   */
  default Tag ensureTag(String name) {
    try {
      return createTag(name);
    } catch (ClockifyException refused) {
      if (refused.kind() != ClockifyException.Kind.BAD_REQUEST) {
        throw refused;
      }
      return findTag(name).orElseThrow(() -> refused);
    }
  }

  /** {@code GET /v1/workspaces/{ws}/projects/{id}}: empty when Clockify says it is not there. */
  Optional<Project> project(String projectId);

  /** {@code POST /v1/workspaces/{ws}/time-entries}. Never retried on an ambiguous failure. */
  TimeEntry createEntry(EntryBody body);

  /** {@code PUT /v1/workspaces/{ws}/time-entries/{id}} with the full body (PUT replaces). */
  TimeEntry updateEntry(String entryId, EntryBody body);

  /**
   * {@code GET /v1/workspaces/{ws}/time-entries/{id}}: empty when Clockify says it is not there
   * (400 or 404).
   */
  Optional<TimeEntry> getEntry(String entryId);

  /** {@code DELETE /v1/workspaces/{ws}/time-entries/{id}}. */
  void deleteEntry(String entryId);

  /**
   * {@code GET /v1/workspaces/{ws}/user/{userId}/time-entries}, every page: the user's entries that
   * started in [from, to), carrying the tag when one is given.
   */
  List<TimeEntry> listEntries(String userId, Instant from, Instant to, String tagId);

  /** {@code GET /v1/workspaces/{ws}}: the connection's workspace with its lock settings. */
  Workspace workspace();

  /** {@code GET /v1/workspaces}: the workspaces the key's owner belongs to (not paged). */
  List<Workspace> workspaces();

  /**
   * {@code GET /v1/workspaces/{ws}/projects}, every page: the workspace's projects, archived ones
   * too.
   */
  List<Project> projects();

  /** Whether this is a dry run that records calls instead of making them. */
  default boolean dryRun() {
    return false;
  }
}
