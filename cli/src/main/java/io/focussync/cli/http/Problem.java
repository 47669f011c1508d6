package io.focussync.cli.http;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An RFC 9457 problem as the gateway answers errors: title, detail, and field errors (for imports
 * also per row).
 */
public record Problem(int status, String title, String detail, List<String> errors) {

  /** Reads a problem body; a body that is not one still gives the status and a short excerpt. */
  public static Problem parse(int status, String body) {
    JsonNode node = null;
    try {
      node = body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      // not JSON (a proxy's HTML page, say): shown as an excerpt below
    }
    if (node == null || !node.isObject()) {
      String excerpt = body == null ? "" : body.strip();
      return new Problem(
          status,
          "HTTP " + status,
          excerpt.isEmpty() ? null : excerpt.substring(0, Math.min(200, excerpt.length())),
          List.of());
    }
    return new Problem(
        status,
        Json.text(node, "title", "HTTP " + status),
        Json.text(node, "detail"),
        fieldErrors(node.get("errors")));
  }

  /** {@code field: message} lines of an {@code errors} array, with the row where one is given. */
  public static List<String> fieldErrors(JsonNode errors) {
    List<String> lines = new ArrayList<>();
    if (errors == null || !errors.isArray()) {
      return lines;
    }
    for (JsonNode error : errors) {
      if (error.has("row")) {
        String row = "row " + error.get("row").asString();
        List<String> inner = fieldErrors(error.get("errors"));
        if (inner.isEmpty()) {
          lines.add(row);
        }
        inner.forEach(line -> lines.add(row + ": " + line));
      } else {
        String field = Json.text(error, "field");
        String message = Json.text(error, "message", "");
        lines.add(field == null ? message : field + ": " + message);
      }
    }
    return lines;
  }

  /** The lines to print: title and status, the detail, then each field error indented. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(title + " (" + status + ")" + (detail == null ? "" : ": " + detail));
    errors.stream()
        // a one-error problem often repeats it as its detail
        .filter(error -> !(errors.size() == 1 && error.equals(detail)))
        .forEach(error -> lines.add("  " + error));
    return lines;
  }
}
