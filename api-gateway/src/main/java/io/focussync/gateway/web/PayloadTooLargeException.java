package io.focussync.gateway.web;

import io.focussync.platform.web.Problems;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A request body went past its size limit while it was being read: 413. An {@link ErrorResponse},
 * so that the platform's error handling answers it as the client's fault wherever it surfaces (the
 * proxy, a controller, the container's error dispatch).
 */
public final class PayloadTooLargeException extends IOException implements ErrorResponse {

  private final long limit;

  public PayloadTooLargeException(long limit) {
    super("the request body is larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }

  @Override
  public HttpStatusCode getStatusCode() {
    return HttpStatus.CONTENT_TOO_LARGE;
  }

  @Override
  public ProblemDetail getBody() {
    return Problems.of(
        HttpStatus.CONTENT_TOO_LARGE,
        "Content Too Large",
        "The request body is larger than the limit of " + limit + " bytes.");
  }
}
