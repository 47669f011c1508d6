package io.focussync.deploy;

import static io.focussync.deploy.Yamls.list;
import static io.focussync.deploy.Yamls.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a document against a Kubernetes structural schema (the {@code openAPIV3Schema} subset CRDs
 * use: type, properties, additionalProperties, required, items, enum, pattern, nullable,
 * x-kubernetes-preserve-unknown-fields, x-kubernetes-int-or-string). As with {@code kubectl apply
 * --validate=strict}, a field an object's schema does not list is an error, not pruned silently.
 */
final class StructuralSchema {

  private StructuralSchema() {}

  /** Every violation of the schema, as "path: problem" lines. */
  static List<String> validate(Object value, Map<String, Object> schema, String path) {
    List<String> problems = new ArrayList<>();
    check(value, schema, path, problems);
    return problems;
  }

  private static void check(
      Object value, Map<String, Object> schema, String path, List<String> problems) {
    if (value == null) {
      if (!Boolean.TRUE.equals(schema.get("nullable"))) {
        problems.add(path + ": null");
      }
      return;
    }
    String type = (String) schema.get("type");
    boolean intOrString = Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"));
    if (intOrString) {
      if (!(value instanceof Integer || value instanceof Long || value instanceof String)) {
        problems.add(path + ": not an integer or a string: " + value);
      }
    } else if (type != null && !hasType(value, type)) {
      problems.add(path + ": not " + type + ": " + value);
      return;
    }
    List<Object> allowed = list(schema.get("enum"));
    if (!allowed.isEmpty() && !allowed.contains(value)) {
      problems.add(path + ": " + value + " is not one of " + allowed);
    }
    if (schema.get("pattern") != null
        && value instanceof String
        && !Pattern.compile((String) schema.get("pattern")).matcher((String) value).find()) {
      problems.add(path + ": " + value + " does not match " + schema.get("pattern"));
    }
    if (value instanceof List) {
      Map<String, Object> items = map(schema.get("items"));
      int i = 0;
      for (Object item : list(value)) {
        check(item, items, path + "[" + i++ + "]", problems);
      }
    }
    if (value instanceof Map) {
      Map<String, Object> object = map(value);
      for (Object required : list(schema.get("required"))) {
        if (!object.containsKey(required)) {
          problems.add(path + ": missing " + required);
        }
      }
      if (Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"))
          && schema.get("properties") == null) {
        return;
      }
      Map<String, Object> properties = map(schema.get("properties"));
      Object additional = schema.get("additionalProperties");
      boolean open = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
      for (Map.Entry<String, Object> e : object.entrySet()) {
        String childPath = path + "." + e.getKey();
        if (properties.containsKey(e.getKey())) {
          check(e.getValue(), map(properties.get(e.getKey())), childPath, problems);
        } else if (additional instanceof Map) {
          check(e.getValue(), map(additional), childPath, problems);
        } else if (!open && !Boolean.TRUE.equals(additional)) {
          problems.add(childPath + ": unknown field");
        }
      }
    }
  }

  private static boolean hasType(Object value, String type) {
    switch (type) {
      case "object":
        return value instanceof Map;
      case "array":
        return value instanceof List;
      case "string":
        return value instanceof String;
      case "integer":
        return value instanceof Integer || value instanceof Long;
      case "number":
        return value instanceof Number;
      case "boolean":
        return value instanceof Boolean;
      default:
        throw new IllegalArgumentException("schema type not supported: " + type);
    }
  }
}
