package io.focussync.notion.store;

import io.focussync.notion.mapping.PageMemory;

/**
 * What is stored per (user, page): the change-detection memory and what was written back.
 *
 * @param syncedEntryUrl the entry link last written to the page, null if none
 */
public record PageRecord(String userId, PageMemory memory, String syncedEntryUrl) {}
