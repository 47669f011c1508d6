package io.focussync.allocator.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.SettingsLookup;
import io.focussync.allocator.day.DayViews;
import io.focussync.platform.auth.CurrentUser;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/sessions?from&to}: the user's sessions overlapping those local dates. */
@RestController
@RequestMapping("/api/v1/sessions")
public class SessionController {

  static final int MAX_SESSIONS = 50_000;

  private final SessionRepository sessions;
  private final SettingsLookup settings;
  private final DayViews views;

  public SessionController(SessionRepository sessions, SettingsLookup settings, DayViews views) {
    this.sessions = sessions;
    this.settings = settings;
    this.views = views;
  }

  /**
   * One session as the API shows it, times in the user's zone; {@code version} is the event's, as
   * its source stamped it; {@code trackedSeconds} only where the source gave it.
   */
  public record SessionView(
      String id,
      String source,
      String projectKey,
      OffsetDateTime start,
      OffsetDateTime end,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long trackedSeconds,
      String title,
      long version) {}

  @GetMapping
  public Map<String, List<SessionView>> list(
      CurrentUser user,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    LocalDate start = DayViews.parseDate("from", from);
    LocalDate end = DayViews.parseDate("to", to);
    views.checkRange(start, end);
    AllocationSettings s = settings.get(user.id());
    ZoneId zone = s.timeZone();
    List<SessionView> found =
        sessions
            .findOverlapping(
                user.id(),
                start.atStartOfDay(zone).toInstant(),
                end.plusDays(1).atStartOfDay(zone).toInstant(),
                MAX_SESSIONS)
            .stream()
            .map(
                x ->
                    new SessionView(
                        x.sessionId(),
                        x.source(),
                        x.projectKey(),
                        x.start().atZone(zone).toOffsetDateTime(),
                        x.end().atZone(zone).toOffsetDateTime(),
                        x.trackedSeconds(),
                        x.title(),
                        x.eventVersion()))
            .toList();
    return Map.of("sessions", found);
  }
}
