package io.focussync.clockify.client;

import io.focussync.platform.time.TimestampReader;
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
        TimestampReader.parse(text(interval, "start")),
        TimestampReader.parse(text(interval, "end")),
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

  /**
   * A project. The spec's {@code ProjectDtoV1} lists no client; its {@code ProjectDtoImplV1} and
   * Clockify's answers carry {@code clientName}, read when present.
   */
  static Project project(JsonNode node) {
    return new Project(
        text(node, "id"),
        text(node, "name"),
        blankToNull(text(node, "clientName")),
        blankToNull(text(node, "color")),
        node.path("archived").asBoolean(false));
  }

  static List<Project> projects(JsonNode array) {
    List<Project> projects = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(node -> projects.add(project(node)));
    }
    return projects;
  }

  /** A workspace with {@code workspaceSettings.lockTimeEntries}, lockTimeZone and automaticLock. */
  static Workspace workspace(JsonNode node) {
    JsonNode settings = node.path("workspaceSettings");
    return new Workspace(
        text(node, "id"),
        text(node, "name"),
        TimestampReader.parse(text(settings, "lockTimeEntries")),
        blankToNull(text(settings, "lockTimeZone")),
        blankToNull(text(settings.path("automaticLock"), "type")));
  }

  static List<Workspace> workspaces(JsonNode array) {
    List<Workspace> workspaces = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(node -> workspaces.add(workspace(node)));
    }
    return workspaces;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
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
