package io.focussync.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last guarantee that an error has a problem+json body: an answer that leaves the application
 * with a 4xx or 5xx status but no body at all (Boot's 406 for a page that the request does not
 * accept as HTML, an actuator endpoint's bare 404) gets the problem of its status. Answers with a
 * body, and errors sent with {@code sendError} (rendered by the error controller), are left alone.
 */
public final class ProblemBodyFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Tracking tracking = new Tracking(response);
    chain.doFilter(request, tracking);
    HttpStatus status = HttpStatus.resolve(response.getStatus());
    if (status == null
        || status.value() < 400
        || tracking.errorSent
        || response.isCommitted()
        || response.getContentType() != null
        || request.isAsyncStarted()) {
      return;
    }
    response.resetBuffer();
    Problems.write(
        response,
        status,
        status.getReasonPhrase(),
        status.is5xxServerError()
            ? "The request could not be completed."
            : "The request was rejected: " + status.getReasonPhrase() + ".");
  }

  /** Notes whether the error was sent to the container's error page. */
  private static final class Tracking extends HttpServletResponseWrapper {

    private boolean errorSent;

    Tracking(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int sc) throws IOException {
      errorSent = true;
      super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      errorSent = true;
      super.sendError(sc, msg);
    }
  }
}
