package io.focussync.notion.client;

import java.util.Map;

/** The properties of a data source: name → Notion type. */
public record DataSourceSchema(String id, Map<String, String> propertyTypes) {

  public DataSourceSchema {
    propertyTypes = Map.copyOf(propertyTypes);
  }
}
