package io.focussync.platform.web;

import java.util.Optional;
import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;

/**
 * Tells a failure caused by what the client sent from a fault of the server, wherever it surfaces
 * (an MVC handler, a filter, the proxy, the container): a malformed request is a 4xx problem, and
 * anything not recognised here stays a 5xx. Only the cause chain is read, never messages.
 *
 * <p>Recognised: Tomcat's {@code InvalidParameterException} (a query string or form body with
 * broken percent-encoding, bytes that are not UTF-8, or too many parameters), Tomcat's {@code
 * BadRequestException} (a body whose chunked framing is broken), a body Spring cannot read (e.g. a
 * form body parsed by a filter before MVC), a multipart body Tomcat cannot parse, a Content-Type or
 * Accept header that is no media type, and any {@link ErrorResponse} with a 4xx status (Spring's
 * own, and the services' and gateway's exceptions that carry one).
 */
public final class ClientFaults {

  private static final int MAX_DEPTH = 32;

  private ClientFaults() {}

  /** The 4xx problem for a failure the client caused, or empty for a fault of the server. */
  public static Optional<ProblemDetail> problemFor(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
      Optional<ProblemDetail> problem = problemOf(t);
      if (problem.isPresent()) {
        return problem;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  /** Whether a failure is one the client caused. */
  public static boolean isClientFault(Throwable failure) {
    return problemFor(failure).isPresent();
  }

  private static Optional<ProblemDetail> problemOf(Throwable t) {
    if (t instanceof InvalidParameterException invalid) {
      HttpStatus status = HttpStatus.resolve(invalid.getErrorCode());
      return Optional.of(
          Problems.of(
              status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST,
              "Malformed request parameters",
              "The query string or form parameters are malformed: each name and value must be"
                  + " percent-encoded UTF-8, and there may be at most a limited number of them."));
    }
    if (t instanceof HttpMessageNotReadableException) {
      return Optional.of(
          Problems.of(
              HttpStatus.BAD_REQUEST,
              "Malformed request body",
              "The body is not valid JSON of the expected shape."));
    }
    if (t instanceof BadRequestException) {
      return Optional.of(
          Problems.of(
              HttpStatus.BAD_REQUEST,
              "Malformed request body",
              "The request body could not be read: its framing (Content-Length or chunked"
                  + " Transfer-Encoding) is broken."));
    }
    if (t instanceof FileUploadException) {
      return Optional.of(
          Problems.of(
              HttpStatus.BAD_REQUEST,
              "Malformed multipart body",
              "The multipart/form-data body could not be parsed (missing or wrong boundary, or"
                  + " a truncated part)."));
    }
    if (t instanceof InvalidMediaTypeException) {
      return Optional.of(
          Problems.of(
              HttpStatus.BAD_REQUEST,
              "Malformed media type",
              "A Content-Type or Accept header is not a valid media type."));
    }
    if (t instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
      HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
      ProblemDetail body = response.getBody();
      String title = body.getTitle() != null ? body.getTitle() : status.getReasonPhrase();
      String detail =
          body.getDetail() != null
              ? body.getDetail()
              : "The request was rejected: " + status.getReasonPhrase() + ".";
      return Optional.of(Problems.of(status, title, detail));
    }
    return Optional.empty();
  }
}
