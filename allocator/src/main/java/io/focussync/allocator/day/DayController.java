package io.focussync.allocator.day;

import io.focussync.platform.auth.CurrentUser;
import io.focussync.platform.web.DateRange;
import io.focussync.platform.web.InvalidInputException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/days}: the day views, approval, resync and the explicit re-plan of a range. */
@RestController
@RequestMapping("/api/v1/days")
public class DayController {

  private final DayViews views;
  private final DayService days;
  private final DayProperties properties;

  public DayController(DayViews views, DayService days, DayProperties properties) {
    this.views = views;
    this.days = days;
    this.properties = properties;
  }

  @GetMapping("/{date}")
  public DayView day(CurrentUser user, @PathVariable String date) {
    return views.day(user.id(), DayViews.parseDate("date", date));
  }

  @GetMapping
  public Map<String, List<DayView>> range(
      CurrentUser user,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    LocalDate start = DayViews.parseDate("from", from);
    LocalDate end = DayViews.parseDate("to", to);
    views.checkRange(start, end);
    return Map.of("days", views.range(user.id(), start, end));
  }

  /**
   * {@code {"from", "to", "preview"?}}: re-plans the stored days of the range, those Clockify
   * already holds included ({@code 202} with the dates that got a new revision); with {@code
   * "preview": true} answers {@code 200} with what would change, changing nothing.
   */
  @PostMapping("/replan")
  public ResponseEntity<Map<String, Object>> replan(
      CurrentUser user, @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> request = body == null ? Map.of() : body;
    DateRange range =
        DateRange.required(
            text(request, "from"), text(request, "to"), properties.maxRangeDays() - 1L);
    Object preview = request.get("preview");
    if (preview != null && !(preview instanceof Boolean)) {
      throw InvalidInputException.of("preview", "must be true or false");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("from", range.from().toString());
    answer.put("to", range.to().toString());
    if (Boolean.TRUE.equals(preview)) {
      answer.put("preview", true);
      answer.put("days", views.preview(user.id(), range.from(), range.to()));
      return ResponseEntity.ok(answer);
    }
    answer.put(
        "replanned",
        days.replanRange(user.id(), range.from(), range.to()).stream()
            .map(LocalDate::toString)
            .toList());
    return ResponseEntity.accepted().body(answer);
  }

  /** A string member of the body; another JSON type is a 400 naming the field. */
  private static String text(Map<String, Object> body, String field) {
    Object value = body.get(field);
    if (value != null && !(value instanceof String)) {
      throw InvalidInputException.of(field, "must be a date YYYY-MM-DD");
    }
    return (String) value;
  }

  @PostMapping("/{date}/approve")
  public ResponseEntity<Map<String, Object>> approve(CurrentUser user, @PathVariable String date) {
    LocalDate day = DayViews.parseDate("date", date);
    days.approve(user.id(), day);
    return ResponseEntity.accepted().body(Map.of("date", day.toString(), "approved", true));
  }

  @PostMapping("/{date}/resync")
  public ResponseEntity<Map<String, Object>> resync(CurrentUser user, @PathVariable String date) {
    LocalDate day = DayViews.parseDate("date", date);
    days.resync(user.id(), day);
    return ResponseEntity.accepted().body(Map.of("date", day.toString(), "resync", true));
  }
}
