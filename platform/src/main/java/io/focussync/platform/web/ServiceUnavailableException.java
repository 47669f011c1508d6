package io.focussync.platform.web;

import java.time.Duration;

/** A dependency (Kafka, MongoDB, an upstream API) is down: 503 with a Retry-After. */
public class ServiceUnavailableException extends RuntimeException {

  private final Duration retryAfter;

  public ServiceUnavailableException(String detail, Duration retryAfter, Throwable cause) {
    super(detail, cause);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
