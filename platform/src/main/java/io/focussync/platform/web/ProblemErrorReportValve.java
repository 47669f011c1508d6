package io.focussync.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's last word on a request that no application code answered: what Tomcat rejects before
 * Spring sees it (a request line, URI or header it cannot parse, a percent-encoding in the path
 * that is not UTF-8, a header section over the limit) is rendered as problem+json instead of
 * Tomcat's HTML page. Such a rejection is a 400; an HTTP version Tomcat does not speak (505) is the
 * client's malformed request line too, so it is a 400 as well. A failure of the server stays a 5xx.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  public ProblemErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    Optional<ProblemDetail> clientFault =
        throwable == null ? Optional.empty() : ClientFaults.problemFor(throwable);
    ProblemDetail problem = clientFault.orElseGet(() -> byStatus(code, request.getMethod()));
    HttpStatus status = HttpStatus.valueOf(problem.getStatus());
    try {
      response.setStatus(status.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(Problems.json(status, problem.getTitle(), problem.getDetail()));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the connection is gone or the answer is already on its way: nothing more to say
    }
  }

  private static ProblemDetail byStatus(int code, String method) {
    HttpStatus status = HttpStatus.resolve(code);
    if (status == null) {
      status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
    }
    if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED) {
      return Problems.of(
          HttpStatus.BAD_REQUEST,
          "Bad Request",
          "The request line is malformed or names an HTTP version this server does not speak"
              + " (HTTP/1.1).");
    }
    if (status == HttpStatus.NOT_IMPLEMENTED) {
      // Tomcat's 501 is for what the client asked of HTTP itself: CONNECT, or a transfer coding
      // other than chunked. Neither is anything this API offers, so it is the client's 4xx.
      return "CONNECT".equalsIgnoreCase(method)
          ? Problems.of(
              HttpStatus.METHOD_NOT_ALLOWED,
              "Method Not Allowed",
              "CONNECT is not a method of this API.")
          : Problems.of(
              HttpStatus.BAD_REQUEST,
              "Bad Request",
              "The request uses a Transfer-Encoding this server does not accept (only chunked).");
    }
    if (status == HttpStatus.BAD_REQUEST) {
      return Problems.of(
          status,
          "Bad Request",
          "The request is malformed: its request line, URI (percent-encoding, characters) or"
              + " headers (syntax, size) could not be parsed.");
    }
    String detail =
        status.is5xxServerError()
            ? "The request could not be completed."
            : "The request was rejected: " + status.getReasonPhrase() + ".";
    return Problems.of(status, status.getReasonPhrase(), detail);
  }
}
