package io.focussync.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** An inclusive range of dates read from a request's {@code from} and {@code to}. */
public record DateRange(LocalDate from, LocalDate to) {

  /**
   * The range the two values name, or a 400 naming each field that is missing, not a date, or out
   * of order, or a range longer than {@code maxDays}.
   */
  public static DateRange required(String from, String to, long maxDays) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate fromDate = date("from", from, problems);
    LocalDate toDate = date("to", to, problems);
    if (problems.isEmpty() && fromDate.isAfter(toDate)) {
      problems.add(new FieldProblem("to", "must not be before from"));
    }
    if (problems.isEmpty() && ChronoUnit.DAYS.between(fromDate, toDate) > maxDays) {
      problems.add(new FieldProblem("to", "the range may span at most " + maxDays + " days"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new DateRange(fromDate, toDate);
  }

  private static LocalDate date(String field, String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "is required (YYYY-MM-DD)"));
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be a date YYYY-MM-DD"));
      return null;
    }
  }
}
