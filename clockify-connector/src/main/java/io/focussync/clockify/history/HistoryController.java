package io.focussync.clockify.history;

import io.focussync.platform.auth.CurrentUser;
import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate fromDate = date("from", from, problems);
    LocalDate toDate = date("to", to, problems);
    if (problems.isEmpty() && fromDate.isAfter(toDate)) {
      problems.add(new FieldProblem("to", "must not be before from"));
    }
    if (problems.isEmpty() && ChronoUnit.DAYS.between(fromDate, toDate) > MAX_DAYS) {
      problems.add(new FieldProblem("to", "the range may span at most " + MAX_DAYS + " days"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return Map.of("runs", history.find(user.id(), fromDate, toDate));
  }

  private static LocalDate date(String field, String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "is required (YYYY-MM-DD)"));
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be a date YYYY-MM-DD"));
      return null;
    }
  }
}
