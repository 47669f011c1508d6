package io.focussync.notion.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.focussync.notion.mapping.PageMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Per (user, page): what was last read and emitted, and what was written back ({@code pages}). */
@Component
public class PageStore {

  private final MongoCollection<Document> pages;

  public PageStore(MongoTemplate mongo) {
    this.pages = mongo.getCollection("pages");
  }

  public Optional<PageRecord> find(String userId, String pageId) {
    return Optional.ofNullable(pages.find(Filters.eq("_id", key(userId, pageId))).first())
        .map(PageStore::fromDocument);
  }

  /** Stores the memory of a page, keeping what was written back. */
  public void remember(String userId, PageMemory memory) {
    String syncedEntryUrl =
        find(userId, memory.pageId()).map(PageRecord::syncedEntryUrl).orElse(null);
    pages.replaceOne(
        Filters.eq("_id", key(userId, memory.pageId())),
        new Document("_id", key(userId, memory.pageId()))
            .append("userId", userId)
            .append("pageId", memory.pageId())
            .append("lastEditedTime", ConnectionStore.date(memory.lastEditedTime()))
            .append("hash", memory.hash())
            .append("active", memory.active())
            .append("lastVersion", memory.lastVersion())
            .append("syncedEntryUrl", syncedEntryUrl),
        new ReplaceOptions().upsert(true));
  }

  /** Records that the page was marked synced with an entry link. */
  public void markSynced(String userId, String pageId, String entryUrl) {
    pages.updateOne(
        Filters.eq("_id", key(userId, pageId)),
        Updates.set("syncedEntryUrl", entryUrl == null ? "" : entryUrl));
  }

  /** The ids of the user's pages whose last event is a SessionRecorded. */
  public List<String> activePageIds(String userId) {
    List<String> ids = new ArrayList<>();
    pages
        .find(Filters.and(Filters.eq("userId", userId), Filters.eq("active", true)))
        .projection(Projections.include("pageId"))
        .forEach(document -> ids.add(document.getString("pageId")));
    return ids;
  }

  private static String key(String userId, String pageId) {
    return userId + "|" + pageId;
  }

  private static PageRecord fromDocument(Document d) {
    Number version = d.get("lastVersion", Number.class);
    return new PageRecord(
        d.getString("userId"),
        new PageMemory(
            d.getString("pageId"),
            ConnectionStore.instant(d.getDate("lastEditedTime")),
            d.getString("hash"),
            Boolean.TRUE.equals(d.getBoolean("active")),
            version == null ? 0 : version.longValue()),
        d.getString("syncedEntryUrl"));
  }
}
