package io.focussync.allocator.focus;

import io.focussync.platform.time.TimestampReader;
import io.focussync.platform.web.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The bounds of a focus-session listing: a date ({@code YYYY-MM-DD}, a whole local day of the user)
 * or an RFC 3339 instant with an offset.
 */
final class FocusRange {

  static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

  private FocusRange() {}

  /** The first instant of {@code from}: an instant as is, a date at the start of its local day. */
  static Instant start(String field, String text, ZoneId zone) {
    if (text.length() == 10) {
      return date(field, text).atStartOfDay(zone).toInstant();
    }
    return instant(field, text);
  }

  /** The end (exclusive) of {@code to}: an instant as is, a date at the end of its local day. */
  static Instant end(String field, String text, ZoneId zone) {
    if (text.length() == 10) {
      return date(field, text).plusDays(1).atStartOfDay(zone).toInstant();
    }
    return instant(field, text);
  }

  private static LocalDate date(String field, String text) {
    try {
      LocalDate date = LocalDate.parse(text);
      if (date.getYear() < 1970 || date.getYear() > 9998) {
        throw invalid(field);
      }
      return date;
    } catch (DateTimeParseException e) {
      throw invalid(field);
    }
  }

  private static Instant instant(String field, String text) {
    // An unencoded '+' of an offset arrives in a query as a space.
    String offsetText =
        text.length() > 19 ? text.substring(0, 19) + text.substring(19).replace(' ', '+') : text;
    Instant instant = TimestampReader.read(offsetText).orElseThrow(() -> invalid(field));
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw invalid(field);
    }
    return instant;
  }

  private static InvalidInputException invalid(String field) {
    return InvalidInputException.of(
        field, "must be a date YYYY-MM-DD or an RFC 3339 instant with an offset");
  }
}
