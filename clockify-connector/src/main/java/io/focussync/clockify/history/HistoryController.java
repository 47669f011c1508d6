package io.focussync.clockify.history;

import io.focussync.platform.auth.CurrentUser;
import io.focussync.platform.web.DateRange;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/sync/history?from=DATE&to=DATE}: the caller's sync runs. */
@RestController
public class HistoryController {

  private static final long MAX_DAYS = 366;

  private final HistoryStore history;

  public HistoryController(HistoryStore history) {
    this.history = history;
  }

  @GetMapping("/api/v1/sync/history")
  public Map<String, List<SyncRun>> history(
      CurrentUser user,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    DateRange range = DateRange.required(from, to, MAX_DAYS);
    return Map.of("runs", history.find(user.id(), range.from(), range.to()));
  }
}
