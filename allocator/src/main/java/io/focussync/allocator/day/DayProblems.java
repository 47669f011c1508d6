package io.focussync.allocator.day;

import io.focussync.allocator.day.core.DayConflictException;
import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.Problems;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the day core's refusals with a 409 problem naming the field, shaped as the platform's
 * validation problems are; ordered before the platform's catch-all advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DayProblems {

  @ExceptionHandler(DayConflictException.class)
  ResponseEntity<ProblemDetail> conflict(DayConflictException e) {
    ProblemDetail problem =
        Problems.of(HttpStatus.CONFLICT, "Invalid request", e.field() + ": " + e.reason());
    problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.reason())));
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
