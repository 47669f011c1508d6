package io.focussync.notion.mapping;

import io.focussync.platform.time.TimestampReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Maps a page to session fields by the connection's property mapping.
 *
 * <p>Only pages with a timed start and end are sessions: a page without a date, with a start but no
 * end (a session still running or just planned), or with an all-day date (no time of day to place
 * in a work day) is not one, and neither is a trashed page or one whose end is not after its start.
 */
public final class SessionMapper {

  /** Metadata key of the flow score. */
  public static final String FLOW_SCORE = "flowScore";

  /** Prefix of the metadata keys of checklist items ({@code checklist.<property name>}). */
  public static final String CHECKLIST_PREFIX = "checklist.";

  private SessionMapper() {}

  /** What the page means under the mapping. */
  public static PageReading read(NotionPage page, PropertyMapping mapping) {
    if (page.removed()) {
      return PageReading.notASession("in trash");
    }
    PropertyValue dateValue = property(page, mapping.date());
    if (dateValue == null || dateValue.date() == null || isBlank(dateValue.date().start())) {
      return PageReading.notASession("no date");
    }
    PropertyValue.DateValue date = dateValue.date();
    if (isAllDay(date.start())) {
      return PageReading.notASession("all-day date");
    }
    if (isBlank(date.end())) {
      return PageReading.notASession("date has no end");
    }
    Instant start = parseInstant(date.start());
    Instant end = parseInstant(date.end());
    if (start == null || end == null) {
      return PageReading.notASession("unreadable date");
    }
    if (!end.isAfter(start)) {
      return PageReading.notASession("end not after start");
    }
    return PageReading.session(
        new SessionFields(
            text(property(page, mapping.title())),
            projectKey(property(page, mapping.project())),
            start,
            end,
            metadata(page, mapping)));
  }

  private static SortedMap<String, String> metadata(NotionPage page, PropertyMapping mapping) {
    SortedMap<String, String> metadata = new TreeMap<>();
    String flowScore = scalar(property(page, mapping.flowScore()));
    if (flowScore != null) {
      metadata.put(FLOW_SCORE, flowScore);
    }
    for (String item : mapping.checklist()) {
      PropertyValue value = property(page, item);
      if (value != null && value.checked() != null) {
        metadata.put(CHECKLIST_PREFIX + item, value.checked().toString());
      }
    }
    return metadata;
  }

  /**
   * The project key: a select/status name, the first multi-select name, the first related page's
   * id, or trimmed text; empty when the page has no project.
   */
  static String projectKey(PropertyValue value) {
    if (value == null) {
      return "";
    }
    if (!value.items().isEmpty()) {
      return value.items().get(0).trim();
    }
    String scalar = scalar(value);
    return scalar == null ? "" : scalar.trim();
  }

  private static String scalar(PropertyValue value) {
    if (value == null) {
      return null;
    }
    if (value.number() != null) {
      return plain(value.number());
    }
    if (value.checked() != null) {
      return value.checked().toString();
    }
    if (value.text() != null && !value.text().isBlank()) {
      return value.text();
    }
    return value.items().isEmpty() ? null : value.items().get(0);
  }

  private static String text(PropertyValue value) {
    return value == null || value.text() == null ? "" : value.text().trim();
  }

  private static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }

  private static PropertyValue property(NotionPage page, String name) {
    return name == null ? null : page.properties().get(name);
  }

  private static boolean isAllDay(String value) {
    return value.trim().indexOf('T') < 0;
  }

  private static Instant parseInstant(String value) {
    Optional<Instant> withOffset = TimestampReader.read(value.trim());
    if (withOffset.isPresent()) {
      return withOffset.get();
    }
    try {
      // Notion always renders an offset; a bare local time is read as UTC like its filters do.
      return LocalDateTime.parse(value.trim()).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notOne) {
      return null;
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
