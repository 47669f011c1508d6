package io.focussync.notion.client;

import io.focussync.notion.mapping.NotionIds;
import io.focussync.notion.mapping.NotionPage;
import io.focussync.notion.mapping.PropertyValue;
import io.focussync.platform.time.TimestampReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads Notion's page JSON into the neutral page model. Tolerant: unknown property types become
 * empty values and both {@code in_trash} and the older {@code archived} flags count as removed.
 */
public final class NotionJson {

  private NotionJson() {}

  /** The page of a page object; null for a partial page (one without properties). */
  public static NotionPage page(JsonNode json) {
    JsonNode properties = json.path("properties");
    if (!properties.isObject()) {
      return null;
    }
    Map<String, PropertyValue> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      values.put(property.getKey(), value(property.getValue()));
    }
    JsonNode parent = json.path("parent");
    boolean removed =
        json.path("in_trash").asBoolean(false)
            || json.path("archived").asBoolean(false)
            || json.path("is_archived").asBoolean(false);
    return new NotionPage(
        NotionIds.normalizeOrKeep(text(json.path("id"))),
        NotionIds.normalizeOrKeep(text(parent.path("data_source_id"))),
        NotionIds.normalizeOrKeep(text(parent.path("database_id"))),
        instant(text(json.path("last_edited_time"))),
        removed,
        text(json.path("last_edited_by").path("id")),
        values);
  }

  /** One property value object: {@code {"id", "type", "<type>": value}}. */
  static PropertyValue value(JsonNode property) {
    String type = text(property.path("type"));
    if (type == null) {
      return PropertyValue.empty("unknown");
    }
    JsonNode raw = property.path(type);
    return switch (type) {
      case "title", "rich_text" -> PropertyValue.ofText(type, richText(raw));
      case "select", "status" -> PropertyValue.ofText(type, text(raw.path("name")));
      case "multi_select" -> PropertyValue.ofItems(type, each(raw, "name"));
      case "relation", "people" -> PropertyValue.ofItems(type, each(raw, "id"));
      case "number" -> PropertyValue.ofNumber(type, raw.isNumber() ? raw.decimalValue() : null);
      case "checkbox" -> PropertyValue.ofChecked(type, raw.isBoolean() ? raw.asBoolean() : null);
      case "url", "email", "phone_number", "created_time", "last_edited_time" ->
          PropertyValue.ofText(type, text(raw));
      case "date" -> PropertyValue.ofDate(type, date(raw));
      case "formula", "rollup" -> computed(type, raw);
      case "unique_id" -> PropertyValue.ofText(type, uniqueId(raw));
      default -> PropertyValue.empty(type);
    };
  }

  private static PropertyValue computed(String type, JsonNode raw) {
    String valueType = text(raw.path("type"));
    JsonNode inner = raw.path(valueType == null ? "" : valueType);
    if (valueType == null || inner.isNull() || inner.isMissingNode()) {
      return PropertyValue.empty(type);
    }
    return switch (valueType) {
      case "string" -> PropertyValue.ofText(type, text(inner));
      case "number" -> PropertyValue.ofNumber(type, inner.isNumber() ? inner.decimalValue() : null);
      case "boolean" -> PropertyValue.ofChecked(type, inner.asBoolean());
      case "date" -> PropertyValue.ofDate(type, date(inner));
      default -> PropertyValue.empty(type);
    };
  }

  private static PropertyValue.DateValue date(JsonNode raw) {
    if (!raw.isObject() || text(raw.path("start")) == null) {
      return null;
    }
    return new PropertyValue.DateValue(text(raw.path("start")), text(raw.path("end")));
  }

  private static String richText(JsonNode runs) {
    if (!runs.isArray()) {
      return null;
    }
    StringBuilder joined = new StringBuilder();
    for (JsonNode run : runs) {
      String plain = text(run.path("plain_text"));
      if (plain == null) {
        plain = text(run.path("text").path("content"));
      }
      if (plain != null) {
        joined.append(plain);
      }
    }
    return joined.toString();
  }

  private static List<String> each(JsonNode array, String field) {
    List<String> items = new ArrayList<>();
    if (array.isArray()) {
      for (JsonNode item : array) {
        String value = text(item.path(field));
        if (value != null) {
          items.add(value);
        }
      }
    }
    return items;
  }

  private static String uniqueId(JsonNode raw) {
    if (!raw.path("number").isNumber()) {
      return null;
    }
    String prefix = text(raw.path("prefix"));
    return (prefix == null ? "" : prefix + "-") + raw.path("number").asLong();
  }

  static String text(JsonNode node) {
    return node != null && node.isString() ? node.stringValue() : null;
  }

  static Instant instant(String value) {
    if (value == null) {
      return Instant.EPOCH;
    }
    return TimestampReader.parse(value);
  }
}
