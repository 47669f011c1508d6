package io.focussync.ingest.session.api;

import io.focussync.ingest.session.PreparedSession;
import io.focussync.ingest.session.SessionEvents;
import io.focussync.ingest.session.SessionInput;
import io.focussync.ingest.session.SessionValidation;
import io.focussync.ingest.session.SessionValidator;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/** Turns session inputs into events: validation, identity and version, never publishing. */
@Service
public class SessionIngest {

  private final SessionValidator validator;
  private final SessionEvents events;
  private final Clock clock;

  SessionIngest(SessionValidator validator, SessionEvents events, Clock clock) {
    this.validator = validator;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The event for a valid input, or its violations.
   *
   * @param generatedId the source id to use when the input has none
   */
  public PreparedSession prepare(
      String userId, String source, SessionInput input, Supplier<String> generatedId) {
    SessionValidation validation = validator.validate(input, clock.instant());
    if (!validation.isValid()) {
      return new PreparedSession(null, validation.violations());
    }
    String sourceId =
        validation.session().sourceId() != null
            ? validation.session().sourceId()
            : generatedId.get();
    return new PreparedSession(
        events.recorded(userId, source, sourceId, validation.session()), List.of());
  }

  /** The session events of this service. */
  public SessionEvents events() {
    return events;
  }
}
