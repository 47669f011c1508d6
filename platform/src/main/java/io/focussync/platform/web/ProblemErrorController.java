package io.focussync.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the container's error dispatches (errors that happen outside MVC: in a filter, or when
 * Tomcat rejects a request it mapped, such as TRACE) with problem+json instead of Boot's default
 * error JSON, and never with internals. A malformed request keeps its 4xx (see {@link
 * ClientFaults}); anything else without a 4xx status is a 500.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  /**
   * Writes the problem itself rather than through message converters: an error dispatch may carry
   * what made the request fail (an Accept header that admits nothing, a Content-Type whose charset
   * is no charset), and the converters' negotiation would fail on it a second time.
   */
  @RequestMapping("${server.error.path:${error.path:/error}}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Optional<ProblemDetail> clientFault =
        request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error
            ? ClientFaults.problemFor(error)
            : Optional.empty();
    ProblemDetail problem = clientFault.orElseGet(() -> byStatus(request));
    Problems.write(
        response, HttpStatus.valueOf(problem.getStatus()), problem.getTitle(), problem.getDetail());
  }

  private static ProblemDetail byStatus(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer value && HttpStatus.resolve(value) != null
            ? HttpStatus.valueOf(value)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status.value() < 400) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    String detail =
        status.is5xxServerError()
            ? "The request could not be completed."
            : "The request was rejected: " + status.getReasonPhrase() + ".";
    return Problems.of(status, status.getReasonPhrase(), detail);
  }
}
