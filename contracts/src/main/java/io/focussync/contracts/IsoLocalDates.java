package io.focussync.contracts;

import java.time.DateTimeException;
import java.time.LocalDate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;

/**
 * Reads the dates events carry ({@code 2026-11-20}) by hand, for the reason {@link
 * CommonFormInstants} gives; any other form, and anything invalid, goes to Jackson's own
 * deserializer.
 */
final class IsoLocalDates extends StdScalarDeserializer<LocalDate> {

  IsoLocalDates() {
    super(LocalDate.class);
  }

  @Override
  public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
    if (parser.hasToken(JsonToken.VALUE_STRING)) {
      LocalDate date = parse(parser.getString());
      if (date != null) {
        return date;
      }
    }
    return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
  }

  /** The date of {@code yyyy-MM-dd}, or null for any other text. */
  static LocalDate parse(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    int year = CommonFormInstants.digits(text, 0, 4);
    int month = CommonFormInstants.digits(text, 5, 2);
    int day = CommonFormInstants.digits(text, 8, 2);
    if ((year | month | day) < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
