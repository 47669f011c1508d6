package io.focussync.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Reads the common form of RFC 3339 timestamps by hand: the JDK's ISO parsers build a new formatter
 * for every value, which made them nearly all of the cost of reading an event or a session.
 */
public final class CommonFormInstants {

  private CommonFormInstants() {}

  /**
   * The instant of the common form {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)} with every field
   * in range, read without the general formatter (a hot path: two per session); null for anything
   * else, which the formatter then judges. For every text it reads, the result equals the
   * formatter's (tracker-ingest's {@code TimestampsTest} checks this on generated and mutated
   * texts, {@code IsoTimesTest} on random instants).
   */
  public static Instant parse(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
      return null;
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    if (day > 28 && day > YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    int at = 19;
    int nanos = 0;
    if (text.charAt(at) == '.') {
      int start = ++at;
      while (at < length && at - start < 10 && isDigit(text.charAt(at))) {
        nanos = nanos * 10 + (text.charAt(at) - '0');
        at++;
      }
      int count = at - start;
      if (count < 1 || count > 9) {
        return null;
      }
      for (int i = count; i < 9; i++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (at == length - 1 && text.charAt(at) == 'Z') {
      offsetSeconds = 0;
    } else if (at == length - 6
        && (text.charAt(at) == '+' || text.charAt(at) == '-')
        && text.charAt(at + 3) == ':') {
      int offsetHours = digits(text, at + 1, 2);
      int offsetMinutes = digits(text, at + 4, 2);
      if (offsetHours < 0 || offsetHours > 17 || offsetMinutes < 0 || offsetMinutes > 59) {
        return null;
      }
      offsetSeconds = (offsetHours * 60 + offsetMinutes) * 60;
      if (text.charAt(at) == '-') {
        offsetSeconds = -offsetSeconds;
      }
    } else {
      return null;
    }
    long epochSecond =
        LocalDate.of(year, month, day).toEpochDay() * 86_400L
            + hour * 3_600L
            + minute * 60L
            + second
            - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
  static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
