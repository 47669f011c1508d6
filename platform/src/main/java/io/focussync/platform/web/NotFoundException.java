package io.focussync.platform.web;

/** A resource that does not exist for the caller (someone else's is not theirs either): 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String detail) {
    super(detail);
  }
}
