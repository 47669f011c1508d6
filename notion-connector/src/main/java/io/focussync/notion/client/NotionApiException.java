package io.focussync.notion.client;

import java.time.Duration;

/**
 * Notion answered with an error, or could not be reached ({@code status} 0).
 *
 * @param retryAfter Notion's {@code Retry-After}, null if absent
 */
public class NotionApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final transient Duration retryAfter;

  public NotionApiException(int status, String code, String message, Duration retryAfter) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  public int status() {
    return status;
  }

  /** Notion's error code, e.g. {@code object_not_found}; {@code io_error} when unreachable. */
  public String code() {
    return code;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Notion told us to slow down: 429 rate_limited or 529 service_overload. */
  public boolean isThrottled() {
    return status == 429 || status == 529;
  }

  /** A failure that a repeat of an idempotent call may not see. */
  public boolean isTransient() {
    return status == 0
        || status == 409
        || status == 500
        || status == 502
        || status == 503
        || status == 504;
  }
}
