package io.focussync.notion.client;

import io.focussync.notion.mapping.NotionPage;
import java.util.List;

/**
 * One result page of a data source query.
 *
 * @param partialPageIds results Notion returned without properties: fetch them one by one
 * @param incomplete Notion said the result set was cut short
 */
public record QueryResult(
    List<NotionPage> pages,
    List<String> partialPageIds,
    boolean hasMore,
    String nextCursor,
    boolean incomplete) {

  public QueryResult {
    pages = List.copyOf(pages);
    partialPageIds = List.copyOf(partialPageIds);
  }
}
