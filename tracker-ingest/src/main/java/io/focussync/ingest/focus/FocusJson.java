package io.focussync.ingest.focus;

import io.focussync.ingest.focus.core.Field;
import io.focussync.ingest.focus.core.FocusChange;
import io.focussync.ingest.session.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a focus-session body strictly: texts must be strings and {@code duration} a finite JSON
 * number; every field of a wrong type is reported by name. Unknown fields are ignored.
 */
final class FocusJson {

  private FocusJson() {}

  /** The change and the type violations found while reading it. */
  record Read(FocusChange change, List<Violation> violations) {}

  static Read read(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    if (node == null || !node.isObject()) {
      violations.add(new Violation("body", "must be a JSON object"));
      return new Read(null, violations);
    }
    FocusChange change =
        new FocusChange(
            text(node, "sessionStart", violations),
            text(node, "sessionEnd", violations),
            number(node, "duration", violations),
            text(node, "projectKey", violations),
            text(node, "title", violations));
    return new Read(change, violations);
  }

  private static Field<String> text(JsonNode node, String name, List<Violation> violations) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Field.absent();
    }
    if (value.isNull()) {
      return Field.ofNull();
    }
    if (value.isString()) {
      return Field.of(value.stringValue());
    }
    violations.add(new Violation(name, "must be a string, not " + kind(value)));
    return Field.absent();
  }

  private static Field<BigDecimal> number(JsonNode node, String name, List<Violation> violations) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Field.absent();
    }
    if (value.isNull()) {
      return Field.ofNull();
    }
    if (value.isNumber() && (value.isIntegralNumber() || Double.isFinite(value.doubleValue()))) {
      return Field.of(value.decimalValue());
    }
    String actual = value.isNumber() ? "an infinite number" : kind(value);
    violations.add(new Violation(name, "must be a number of minutes, not " + actual));
    return Field.absent();
  }

  private static String kind(JsonNode value) {
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isString()) {
      return "a string";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isArray()) {
      return "an array";
    }
    return value.isObject() ? "an object" : "a " + value.getNodeType();
  }
}
