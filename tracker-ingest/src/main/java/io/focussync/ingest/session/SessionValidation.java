package io.focussync.ingest.session;

import java.util.List;

/** The outcome of validating one input: a valid session, or the rules it broke. */
public record SessionValidation(ValidSession session, List<Violation> violations) {

  public SessionValidation {
    violations = List.copyOf(violations);
  }

  public static SessionValidation valid(ValidSession session) {
    return new SessionValidation(session, List.of());
  }

  public static SessionValidation invalid(List<Violation> violations) {
    return new SessionValidation(null, violations);
  }

  public boolean isValid() {
    return session != null;
  }
}
