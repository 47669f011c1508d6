package io.focussync.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads and writes events as JSON. Unknown fields are ignored so that additive changes within a
 * version never break an older consumer.
 */
public final class EventCodec {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
          .addModule(
              new SimpleModule("iso-times")
                  .addDeserializer(Instant.class, new IsoInstants())
                  .addDeserializer(LocalDate.class, new IsoLocalDates()))
          .build();

  private EventCodec() {}

  /** The event as UTF-8 JSON. */
  public static byte[] toJson(FocusSyncEvent event) {
    return MAPPER.writeValueAsBytes(event);
  }

  /** The event of the given logical type read from JSON. */
  public static FocusSyncEvent fromJson(String type, byte[] json) {
    Class<? extends FocusSyncEvent> eventClass =
        EventTypes.classOf(type)
            .orElseThrow(() -> new UnreadableEventException("unknown event type " + type));
    return fromJson(eventClass, json);
  }

  /** The event of a known class read from JSON. */
  public static <T extends FocusSyncEvent> T fromJson(Class<T> eventClass, byte[] json) {
    try {
      return MAPPER.readValue(json, eventClass);
    } catch (JacksonException e) {
      throw new UnreadableEventException(
          "unreadable " + eventClass.getSimpleName() + ": " + e.getOriginalMessage());
    }
  }

  /** Thrown for a message that no consumer could ever read: it belongs on a dead-letter topic. */
  public static final class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String message) {
      super(message);
    }
  }
}
