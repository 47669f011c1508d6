package io.focussync.ingest.session;

import io.focussync.contracts.sessions.v1.SessionRecorded;
import java.util.List;

/** One prepared session input: its event, or the rules it broke. */
public record PreparedSession(SessionRecorded event, List<Violation> violations) {

  public PreparedSession {
    violations = List.copyOf(violations);
  }

  /** The input was valid and became an event. */
  public boolean accepted() {
    return event != null;
  }
}
