package io.focussync.contracts;

import java.time.Instant;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads the instants events carry. The common form they are written in ({@code
 * 2026-11-20T08:15:00.125Z}) is read by {@link CommonFormInstants}; any other form (epoch numbers,
 * lower-case letters) and anything invalid go to Jackson's own deserializer, which reads or rejects
 * it as before.
 */
final class IsoInstants extends StdScalarDeserializer<Instant> {

  IsoInstants() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) {
    if (parser.hasToken(JsonToken.VALUE_STRING)) {
      Instant instant = CommonFormInstants.parse(parser.getString());
      if (instant != null) {
        return instant;
      }
    }
    return InstantDeserializer.INSTANT.deserialize(parser, context);
  }
}
