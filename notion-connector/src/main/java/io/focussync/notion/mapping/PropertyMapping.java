package io.focussync.notion.mapping;

import java.util.List;

/**
 * Which page properties (by name) hold the session's fields; a null name means "not mapped".
 *
 * @param checklist the checkbox properties that make up the pre-session checklist
 * @param synced checkbox written back once the session is in Clockify
 * @param entryUrl url or rich-text property that receives the Clockify entry link
 * @param syncedAt date property that receives the time of the sync
 */
public record PropertyMapping(
    String title,
    String date,
    String project,
    String flowScore,
    List<String> checklist,
    String synced,
    String entryUrl,
    String syncedAt) {

  public PropertyMapping {
    checklist = checklist == null ? List.of() : List.copyOf(checklist);
  }
}
