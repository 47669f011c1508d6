package io.focussync.platform.time;

import io.focussync.contracts.CommonFormInstants;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one reader of the timestamps the services receive (in requests, from Clockify and Notion):
 * RFC 3339 instants with an offset or {@code Z}, the common form read by hand ({@code
 * CommonFormInstants}, equal to the formatter for every text it reads), any other through the JDK's
 * ISO formatter; and HTTP's {@code Retry-After} (seconds or an HTTP-date).
 */
public final class TimestampReader {

  private TimestampReader() {}

  /**
   * The instant of a timestamp with an offset; null for null or blank.
   *
   * @throws DateTimeParseException for anything else
   */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Instant common = CommonFormInstants.parse(text);
    return common != null
        ? common
        : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  /** The instant of a timestamp with an offset; empty when it is not one. */
  public static Optional<Instant> read(String text) {
    try {
      return Optional.ofNullable(parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * How long a {@code Retry-After} header asks to wait after {@code now}: its delay in seconds, or
   * the time until its HTTP-date; never negative, null when there is none or it is unreadable.
   */
  public static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(now, at.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }
}
