package io.focussync.clockify.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Clockify's timestamps: UTC {@code yyyy-MM-ddTHH:mm:ssZ} out, anything ISO-8601 in. */
public final class Timestamps {

  private Timestamps() {}

  /** The instant in Clockify's format, at second precision. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** An ISO-8601 timestamp with offset or Z (with or without fractions), null for null/blank. */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.parse(text);
    }
  }
}
