package io.focussync.ingest.session.api;

import io.focussync.ingest.session.SessionInput;
import io.focussync.ingest.session.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Maps a JSON object to a session input, reporting every field of a wrong type by name. Unknown
 * fields are ignored; JSON null counts as absent.
 */
public final class SessionJson {

  /** The JSON field names of the session fields, changeable for file imports. */
  public record FieldNames(
      String id,
      String projectKey,
      String start,
      String end,
      String trackedSeconds,
      String title,
      String tags,
      String timeZone) {

    public static final FieldNames API =
        new FieldNames(
            "id", "projectKey", "start", "end", "trackedSeconds", "title", "tags", "timeZone");
  }

  /** The input and the type violations found while reading it. */
  public record Read(SessionInput input, List<Violation> violations) {}

  private SessionJson() {}

  /** Reads a session object with the API's field names; the id must be a string. */
  public static Read read(JsonNode node) {
    return read(node, FieldNames.API, false);
  }

  /** Reads a session object with the given field names; numeric ids are taken if allowed. */
  public static Read read(JsonNode node, FieldNames names, boolean numericIds) {
    List<Violation> violations = new ArrayList<>();
    if (node == null || !node.isObject()) {
      violations.add(new Violation("", "must be a JSON object"));
      return new Read(null, violations);
    }
    String id = text(node, names.id(), violations, numericIds);
    String projectKey = text(node, names.projectKey(), violations, false);
    String start = text(node, names.start(), violations, false);
    String end = text(node, names.end(), violations, false);
    String trackedSeconds = wholeNumber(node, names.trackedSeconds(), violations);
    String title = text(node, names.title(), violations, false);
    List<String> tags = tags(node, names.tags(), violations);
    String timeZone = text(node, names.timeZone(), violations, false);
    return new Read(
        new SessionInput(id, projectKey, start, end, trackedSeconds, title, tags, timeZone),
        violations);
  }

  /** The digits of a JSON integer; a fraction, a string or anything else is a violation. */
  private static String wholeNumber(JsonNode node, String field, List<Violation> violations) {
    JsonNode value = field == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return value.asString();
    }
    String actual = value.isNumber() ? value.toString() : kind(value);
    violations.add(new Violation(field, "must be a whole number of seconds, not " + actual));
    return null;
  }

  private static String text(
      JsonNode node, String field, List<Violation> violations, boolean numberAllowed) {
    JsonNode value = field == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isString()) {
      return value.stringValue();
    }
    if (numberAllowed && value.isIntegralNumber()) {
      return value.asString();
    }
    violations.add(new Violation(field, "must be a string, not " + kind(value)));
    return null;
  }

  private static List<String> tags(JsonNode node, String field, List<Violation> violations) {
    JsonNode value = field == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      violations.add(new Violation(field, "must be an array of strings, not " + kind(value)));
      return null;
    }
    List<String> tags = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode tag = value.get(i);
      if (!tag.isString()) {
        violations.add(new Violation(field + "[" + i + "]", "must be a string, not " + kind(tag)));
        return null;
      }
      tags.add(tag.stringValue());
    }
    return tags;
  }

  private static String kind(JsonNode value) {
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isArray()) {
      return "an array";
    }
    if (value.isObject()) {
      return "an object";
    }
    return "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** A JSON-ready map of violations. */
  public static List<Map<String, String>> toJson(List<Violation> violations) {
    return violations.stream().map(Violation::toJson).toList();
  }
}
