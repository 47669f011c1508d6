package io.focussync.clockify.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies and lenient reading of Clockify's JSON (nulls where the spec says nothing). */
final class ClockifyJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private ClockifyJson() {}

  static String entryBody(EntryBody body) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("start", Timestamps.format(body.start()));
    json.put("end", Timestamps.format(body.end()));
    if (body.projectId() != null) {
      json.put("projectId", body.projectId());
    }
    json.put("description", body.description());
    json.put("tagIds", body.tagIds());
    json.put("type", "REGULAR");
    return MAPPER.writeValueAsString(json);
  }

  static String tagBody(String name) {
    return MAPPER.writeValueAsString(Map.of("name", name));
  }

  static JsonNode read(String body) {
    return MAPPER.readTree(body);
  }

  static TimeEntry entry(JsonNode node) {
    JsonNode interval = node.path("timeInterval");
    return new TimeEntry(
        text(node, "id"),
        text(node, "projectId"),
        Timestamps.parse(text(interval, "start")),
        Timestamps.parse(text(interval, "end")),
        text(node, "description"),
        texts(node.get("tagIds")),
        node.path("isLocked").asBoolean(false));
  }

  static List<TimeEntry> entries(JsonNode array) {
    List<TimeEntry> entries = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(node -> entries.add(entry(node)));
    }
    return entries;
  }

  static Tag tag(JsonNode node) {
    return new Tag(text(node, "id"), text(node, "name"));
  }

  static ClockifyUser user(JsonNode node) {
    return new ClockifyUser(
        text(node, "id"), text(node, "name"), text(node.path("settings"), "timeZone"));
  }

  static Project project(JsonNode node) {
    return new Project(
        text(node, "id"), text(node, "name"), node.path("archived").asBoolean(false));
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() || value.isMissingNode() ? null : value.asString();
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(value -> values.add(value.asString()));
    }
    return values;
  }
}
