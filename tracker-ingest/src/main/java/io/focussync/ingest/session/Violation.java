package io.focussync.ingest.session;

import java.util.LinkedHashMap;
import java.util.Map;

/** One rule a session input broke: the field (a JSON path) and what is wrong with it. */
public record Violation(String field, String message) {

  /** The same violation under a prefix, e.g. {@code sessions[3]}. */
  public Violation under(String prefix) {
    return new Violation(prefix.isEmpty() ? field : prefix + "." + field, message);
  }

  /** The violation as an answer's {@code errors[]} item. */
  public Map<String, String> toJson() {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("field", field);
    json.put("message", message);
    return json;
  }
}
