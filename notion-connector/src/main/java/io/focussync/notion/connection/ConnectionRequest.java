package io.focussync.notion.connection;

import java.util.List;

/**
 * The body of {@code PUT /api/v1/connections/notion}.
 *
 * @param dataSourceId needed only when the database has more than one data source
 * @param properties property names; absent ones take defaults, an empty name unmaps an optional one
 */
public record ConnectionRequest(
    String token, String databaseId, String dataSourceId, String baseUrl, Properties properties) {

  /** Property names of the mapping as sent. */
  public record Properties(
      String title,
      String date,
      String project,
      String flowScore,
      List<String> checklist,
      String synced,
      String entryUrl,
      String syncedAt) {}
}
