package io.focussync.contracts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads the instants events carry. The form every event is written in, {@code
 * 2026-11-20T08:15:00.125Z}, is parsed by hand: the JDK's ISO parser builds a new formatter for
 * each instant and was nearly all of the cost of reading an event. Any other form (offsets, epoch
 * numbers) and anything invalid go to Jackson's own deserializer, which reads or rejects it as
 * before.
 */
final class IsoInstants extends StdScalarDeserializer<Instant> {

  private static final int SHORTEST = "2026-11-20T08:15:00Z".length();
  private static final int LONGEST = "2026-11-20T08:15:00.123456789Z".length();

  IsoInstants() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) {
    if (parser.hasToken(JsonToken.VALUE_STRING)) {
      Instant instant = parseUtc(parser.getString());
      if (instant != null) {
        return instant;
      }
    }
    return InstantDeserializer.INSTANT.deserialize(parser, context);
  }

  /** The instant of {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, or null for any other text. */
  static Instant parseUtc(String text) {
    int length = text.length();
    if (length < SHORTEST
        || length > LONGEST
        || text.charAt(length - 1) != 'Z'
        || !at(text, 4, '-')
        || !at(text, 7, '-')
        || !at(text, 10, 'T')
        || !at(text, 13, ':')
        || !at(text, 16, ':')) {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nanos = fraction(text, 19, length - 1);
    if ((year | month | day | hour | minute | second | nanos) < 0
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
  }

  private static boolean at(String text, int index, char expected) {
    return text.charAt(index) == expected;
  }

  /** The decimal number in [from, to), or -1 if any character is no digit. */
  static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /** Nanoseconds of an optional {@code .d{1,9}} in [from, to): 0 if empty, -1 if malformed. */
  private static int fraction(String text, int from, int to) {
    if (from == to) {
      return 0;
    }
    if (text.charAt(from) != '.' || to - from < 2) {
      return -1;
    }
    int value = digits(text, from + 1, to);
    if (value < 0) {
      return -1;
    }
    for (int i = to - from - 1; i < 9; i++) {
      value *= 10;
    }
    return value;
  }
}
