package io.focussync.platform.web;

import java.util.List;

/** Thrown by a feature for input it rejects; becomes a 400 (or the given 4xx) with field errors. */
public class InvalidInputException extends RuntimeException {

  private final List<FieldProblem> errors;
  private final int status;

  public InvalidInputException(List<FieldProblem> errors) {
    this(400, errors);
  }

  public InvalidInputException(int status, List<FieldProblem> errors) {
    super(
        errors.isEmpty()
            ? "invalid input"
            : errors.get(0).field() + ": " + errors.get(0).message());
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  /** One field, one message. */
  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> errors() {
    return errors;
  }

  public int status() {
    return status;
  }
}
