package io.focussync.gateway.web;

import java.io.IOException;

/** A request body went past its size limit while it was being read: 413. */
public final class PayloadTooLargeException extends IOException {

  private final long limit;

  public PayloadTooLargeException(long limit) {
    super("the request body is larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
