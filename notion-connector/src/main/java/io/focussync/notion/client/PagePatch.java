package io.focussync.notion.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Property values to set on a page with {@code PATCH /v1/pages/{id}}. */
public final class PagePatch {

  private final Map<String, Value> values = new LinkedHashMap<>();

  /** Sets a checkbox property. */
  public PagePatch checkbox(String property, boolean checked) {
    values.put(property, new Value("checkbox", checked));
    return this;
  }

  /** Sets a url property. */
  public PagePatch url(String property, String url) {
    values.put(property, new Value("url", url));
    return this;
  }

  /** Sets a rich-text property to one plain text run. */
  public PagePatch richText(String property, String text) {
    values.put(property, new Value("rich_text", text));
    return this;
  }

  /** Sets a date property to an instant (without an end). */
  public PagePatch date(String property, Instant start) {
    values.put(property, new Value("date", start));
    return this;
  }

  /** A copy without the named properties. */
  public PagePatch without(java.util.Collection<String> properties) {
    PagePatch copy = new PagePatch();
    values.forEach(
        (name, value) -> {
          if (!properties.contains(name)) {
            copy.values.put(name, value);
          }
        });
    return copy;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  Map<String, Value> values() {
    return values;
  }

  /** One value of a type. */
  record Value(String type, Object value) {}
}
