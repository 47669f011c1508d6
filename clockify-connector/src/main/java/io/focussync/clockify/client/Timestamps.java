package io.focussync.clockify.client;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Clockify's timestamps out: UTC {@code yyyy-MM-ddTHH:mm:ssZ} (in: the platform's {@code
 * TimestampReader}).
 */
public final class Timestamps {

  private Timestamps() {}

  /** The instant in Clockify's format, at second precision. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
