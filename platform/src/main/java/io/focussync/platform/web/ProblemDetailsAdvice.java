package io.focussync.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of a service into RFC 9457 problem details: validation errors with their
 * fields, unreadable bodies as 400, malformed requests that the container only notices late (a
 * query string with broken percent-encoding, see {@link ClientFaults}) as their 4xx, and anything
 * else unexpected as a 500 without internals. Every answer is {@code application/problem+json}
 * whatever the request's Accept header says.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    return problem(status, validationProblem(status, e.errors()));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    return problem(
        HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "Not Found", e.getMessage()));
  }

  @ExceptionHandler(ServiceUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(ServiceUnavailableException e) {
    log.warn("answering 503: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", e.getMessage()));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
    List<FieldProblem> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
            .toList();
    return problem(HttpStatus.BAD_REQUEST, validationProblem(HttpStatus.BAD_REQUEST, errors));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    List<FieldProblem> errors = List.of(new FieldProblem(e.getName(), "has an invalid value"));
    return problem(HttpStatus.BAD_REQUEST, validationProblem(HttpStatus.BAD_REQUEST, errors));
  }

  /**
   * Anything else: a malformed request the container or a library noticed (see {@link
   * ClientFaults}) is its 4xx; every other failure is a fault of the server, a 500.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    Optional<ProblemDetail> clientFault = ClientFaults.problemFor(e);
    if (clientFault.isPresent()) {
      ProblemDetail problem = clientFault.get();
      log.debug("answering {} to a malformed request: {}", problem.getStatus(), e.toString());
      return problem(HttpStatus.valueOf(problem.getStatus()), problem);
    }
    log.error("unexpected error", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        Problems.of(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Internal Server Error",
            "The request could not be completed."));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
            .toList();
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(validationProblem(HttpStatus.BAD_REQUEST, errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(
            Problems.of(
                HttpStatus.BAD_REQUEST,
                "Malformed request body",
                "The body is not valid JSON of the expected shape."));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(e, body, headers, status, request);
    if (response != null && response.getBody() instanceof ProblemDetail problem) {
      HttpStatus resolved = HttpStatus.resolve(status.value());
      if (resolved != null) {
        problem.setType(Problems.typeOf(resolved));
      }
      // A preset type skips content negotiation: the problem is written even for Accept: text/html.
      HttpHeaders withType = new HttpHeaders();
      withType.putAll(response.getHeaders());
      withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
      return new ResponseEntity<>(problem, withType, response.getStatusCode());
    }
    return response;
  }

  /** A problem answer with its type preset, so that no Accept header can make it fail. */
  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, ProblemDetail problem) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static ProblemDetail validationProblem(HttpStatus status, List<FieldProblem> errors) {
    String detail =
        errors.isEmpty()
            ? "The request is invalid."
            : errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
    ProblemDetail problem = Problems.of(status, "Invalid request", detail);
    problem.setProperty("errors", errors);
    return problem;
  }
}
