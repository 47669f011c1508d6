package io.focussync.ingest.session;

import io.focussync.platform.time.TimestampReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads RFC 3339 timestamps, which must carry an offset so that the instant is unambiguous. */
public final class Timestamps {

  /** Sessions before this are surely a client bug (a zero or a unit mix-up). */
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  private Timestamps() {}

  /** The instant of an RFC 3339 timestamp with an offset; empty when it is not one. */
  public static Optional<Instant> parseWithOffset(String text) {
    return text == null || text.length() > 64 ? Optional.empty() : TimestampReader.read(text);
  }

  /**
   * The instant of a timestamp from a file: RFC 3339 with an offset, or (when a zone is given) a
   * local date-time in that zone; empty when it is neither.
   */
  public static Optional<Instant> parseWithOffsetOrZone(String text, ZoneId zone) {
    Optional<Instant> withOffset = parseWithOffset(text);
    if (withOffset.isPresent() || zone == null || text == null || text.length() > 64) {
      return withOffset;
    }
    try {
      return Optional.of(
          LocalDateTime.parse(text.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME)
              .atZone(zone)
              .toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
