package io.focussync.cli.output;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** How times, durations and shares are shown in tables. */
public final class Formats {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private Formats() {}

  /** {@code 1h 05m}, {@code 12m}, {@code 45s}. */
  public static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 60) {
      return minutes + "m";
    }
    return "%dh %02dm".formatted(minutes / 60, minutes % 60);
  }

  /** An RFC 3339 time as {@code 2026-11-20 09:15} (the offset the server chose kept). */
  public static String dateTime(String rfc3339) {
    return parse(rfc3339, DATE_TIME);
  }

  /** An RFC 3339 time as {@code 09:15}. */
  public static String time(String rfc3339) {
    return parse(rfc3339, TIME);
  }

  /** The seconds between two RFC 3339 times, or -1 when either is unreadable. */
  public static long secondsBetween(String start, String end) {
    try {
      return java.time.Duration.between(OffsetDateTime.parse(start), OffsetDateTime.parse(end))
          .toSeconds();
    } catch (DateTimeParseException | NullPointerException e) {
      return -1;
    }
  }

  /** A share 0..1 as a percentage with one decimal. */
  public static String percent(double share) {
    return "%.1f%%".formatted(share * 100);
  }

  private static String parse(String rfc3339, DateTimeFormatter format) {
    if (rfc3339 == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(rfc3339).format(format);
    } catch (DateTimeParseException e) {
      return rfc3339;
    }
  }
}
