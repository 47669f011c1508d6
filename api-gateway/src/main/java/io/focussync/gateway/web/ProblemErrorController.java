package io.focussync.gateway.web;

import io.focussync.platform.web.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the container's error dispatches (errors that happen outside MVC, e.g. in a filter or
 * while Tomcat parses a request) with problem+json instead of Boot's default error JSON, and never
 * with internals.
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer value && HttpStatus.resolve(value) != null
            ? HttpStatus.valueOf(value)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status.value() < 400) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error
        && causedByTooLarge(error)) {
      status = HttpStatus.CONTENT_TOO_LARGE;
    }
    String detail =
        status.is5xxServerError()
            ? "The request could not be completed."
            : "The request was rejected: " + status.getReasonPhrase() + ".";
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(status, status.getReasonPhrase(), detail));
  }

  private static boolean causedByTooLarge(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLargeException) {
        return true;
      }
    }
    return false;
  }
}
