package io.focussync.allocator.day;

import io.focussync.platform.auth.CurrentUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/days}: the day views, approval and resync. */
@RestController
@RequestMapping("/api/v1/days")
public class DayController {

  private final DayViews views;
  private final DayService days;

  public DayController(DayViews views, DayService days) {
    this.views = views;
    this.days = days;
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
