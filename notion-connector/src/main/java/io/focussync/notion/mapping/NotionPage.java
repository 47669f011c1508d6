package io.focussync.notion.mapping;

import java.time.Instant;
import java.util.Map;

/**
 * A Notion page reduced to what the connector reads.
 *
 * @param dataSourceId the parent data source, null for pages outside one
 * @param lastEditedTime Notion's minute-rounded last edit
 * @param removed in the trash or archived
 * @param lastEditedBy the user or bot id of the last editor, if known
 * @param properties by property name
 */
public record NotionPage(
    String id,
    String dataSourceId,
    String databaseId,
    Instant lastEditedTime,
    boolean removed,
    String lastEditedBy,
    Map<String, PropertyValue> properties) {

  public NotionPage {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }
}
