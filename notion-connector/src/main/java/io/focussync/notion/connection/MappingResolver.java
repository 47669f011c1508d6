package io.focussync.notion.connection;

import io.focussync.notion.mapping.PropertyMapping;
import io.focussync.platform.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the requested property names against a data source's schema. Defaults: the title
 * property, "Date" (or the only date property), "Project", "Flow score", "Synced", "Clockify
 * entry", "Synced at", and every other checkbox as the checklist. A name the user gave must exist
 * with a fitting type; a default that does not exist just leaves the field unmapped (title and date
 * must always resolve).
 */
final class MappingResolver {

  static final Set<String> PROJECT_TYPES =
      Set.of("select", "status", "multi_select", "relation", "rich_text", "formula");
  static final Set<String> FLOW_SCORE_TYPES =
      Set.of("number", "select", "status", "formula", "rich_text");
  static final Set<String> ENTRY_URL_TYPES = Set.of("url", "rich_text");

  private final Map<String, String> schema;
  private final List<FieldProblem> problems = new ArrayList<>();

  private MappingResolver(Map<String, String> schema) {
    this.schema = schema;
  }

  /** The resolved mapping and the write-back type of the entry link, or the problems. */
  record Result(PropertyMapping mapping, String entryUrlType, List<FieldProblem> problems) {}

  static Result resolve(ConnectionRequest.Properties requested, Map<String, String> schema) {
    ConnectionRequest.Properties asked =
        requested == null
            ? new ConnectionRequest.Properties(null, null, null, null, null, null, null, null)
            : requested;
    MappingResolver resolver = new MappingResolver(schema);
    String title =
        resolver.required(
            "title", asked.title(), onlyOfType(schema, "title", null), Set.of("title"));
    String syncedAt = resolver.optional("syncedAt", asked.syncedAt(), "Synced at", Set.of("date"));
    String date =
        resolver.required(
            "date",
            asked.date(),
            schema.containsKey("Date") ? "Date" : onlyOfType(schema, "date", syncedAt),
            Set.of("date"));
    String project = resolver.optional("project", asked.project(), "Project", PROJECT_TYPES);
    String flowScore =
        resolver.optional("flowScore", asked.flowScore(), "Flow score", FLOW_SCORE_TYPES);
    String synced = resolver.optional("synced", asked.synced(), "Synced", Set.of("checkbox"));
    String entryUrl =
        resolver.optional("entryUrl", asked.entryUrl(), "Clockify entry", ENTRY_URL_TYPES);
    List<String> checklist = resolver.checklist(asked.checklist(), synced);
    if (date != null && date.equals(syncedAt)) {
      resolver.problems.add(
          new FieldProblem("properties.syncedAt", "must not be the session's date property"));
    }
    PropertyMapping mapping =
        new PropertyMapping(title, date, project, flowScore, checklist, synced, entryUrl, syncedAt);
    return new Result(
        mapping, entryUrl == null ? null : schema.get(entryUrl), List.copyOf(resolver.problems));
  }

  private String required(String field, String asked, String fallback, Set<String> types) {
    String name = asked == null || asked.isBlank() ? fallback : asked;
    if (name == null) {
      problems.add(
          new FieldProblem("properties." + field, "the database has no " + types + " property"));
      return null;
    }
    return check(field, name, types);
  }

  private String optional(String field, String asked, String fallback, Set<String> types) {
    if (asked != null && asked.isBlank()) {
      return null; // explicitly unmapped
    }
    if (asked == null) {
      return schema.containsKey(fallback) ? check(field, fallback, types) : null;
    }
    return check(field, asked, types);
  }

  private String check(String field, String name, Set<String> types) {
    String type = schema.get(name);
    if (type == null) {
      problems.add(
          new FieldProblem("properties." + field, "the database has no property \"" + name + "\""));
      return null;
    }
    if (!types.contains(type)) {
      problems.add(
          new FieldProblem(
              "properties." + field,
              "\"" + name + "\" is a " + type + " property, expected one of " + sorted(types)));
      return null;
    }
    return name;
  }

  private List<String> checklist(List<String> asked, String synced) {
    List<String> items = new ArrayList<>();
    if (asked == null) {
      schema.forEach(
          (name, type) -> {
            if ("checkbox".equals(type) && !name.equals(synced)) {
              items.add(name);
            }
          });
      items.sort(null);
      return items;
    }
    for (String name : asked) {
      String checked = check("checklist", name, Set.of("checkbox"));
      if (checked != null) {
        items.add(checked);
      }
    }
    return items;
  }

  private static String onlyOfType(Map<String, String> schema, String type, String except) {
    List<String> names = new ArrayList<>();
    schema.forEach(
        (name, t) -> {
          if (type.equals(t) && !name.equals(except)) {
            names.add(name);
          }
        });
    return names.size() == 1 ? names.get(0) : null;
  }

  private static List<String> sorted(Set<String> types) {
    List<String> list = new ArrayList<>(types);
    list.sort(null);
    return list;
  }
}
