package io.focussync.allocator.focus;

import io.focussync.allocator.allocation.SettingsLookup;
import io.focussync.allocator.session.SessionRef;
import io.focussync.allocator.session.SessionRepository;
import io.focussync.allocator.session.StoredSession;
import io.focussync.platform.auth.CurrentUser;
import io.focussync.platform.web.InvalidInputException;
import io.focussync.platform.web.NotFoundException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read side of the focus-session API: {@code GET /api/v1/focus-sessions} and {@code /{id}}, a
 * view over the one session store (writes go to tracker-ingest).
 */
@RestController
@RequestMapping("/api/v1/focus-sessions")
public class FocusSessionController {

  static final int MAX_SESSIONS = 50_000;

  private final SessionRepository sessions;
  private final SettingsLookup settings;

  public FocusSessionController(SessionRepository sessions, SettingsLookup settings) {
    this.sessions = sessions;
    this.settings = settings;
  }

  /** The caller's live sessions overlapping [from, to), by start; both bounds optional. */
  @GetMapping
  public List<FocusSessionView> list(
      CurrentUser user,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    ZoneId zone = from == null && to == null ? null : settings.get(user.id()).timeZone();
    Instant start = from == null ? FocusRange.EARLIEST : FocusRange.start("from", from, zone);
    Instant end = to == null ? FocusRange.LATEST : FocusRange.end("to", to, zone);
    if (!start.isBefore(end)) {
      throw InvalidInputException.of("from", "must be before to");
    }
    return sessions.findOverlapping(user.id(), start, end, MAX_SESSIONS).stream()
        .map(FocusSessionView::of)
        .toList();
  }

  /** One of the caller's live sessions by its full id; anything else is a 404. */
  @GetMapping("/{id}")
  public FocusSessionView one(CurrentUser user, @PathVariable String id) {
    SessionRef ref = new SessionRef(user.id(), id);
    StoredSession found = sessions.findAll(List.of(ref)).get(ref);
    if (found == null || found.deleted()) {
      throw new NotFoundException("There is no focus session " + id + ".");
    }
    return FocusSessionView.of(found);
  }
}
