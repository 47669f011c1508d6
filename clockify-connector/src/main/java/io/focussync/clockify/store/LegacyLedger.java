package io.focussync.clockify.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Moves a ledger kept the old way (a {@code ledger} collection, one document per slot) into the day
 * documents once, so a data folder written by an earlier version keeps its entries and creates no
 * duplicates; gives days of that time a fencing token.
 */
final class LegacyLedger {

  private static final Logger log = LoggerFactory.getLogger(LegacyLedger.class);

  private LegacyLedger() {}

  static void migrate(MongoTemplate mongo, MongoCollection<Document> days) {
    // Every store an earlier version wrote has its ledger collection: without one, nothing to do
    // (and no scan of the days at each start).
    if (!mongo.collectionExists("ledger")) {
      return;
    }
    days.updateMany(exists("fence", false), new Document("$set", new Document("fence", 0L)));
    MongoCollection<Document> legacy = mongo.getCollection("ledger");
    Map<String, List<Document>> byDayScope = new LinkedHashMap<>();
    for (Document slot : legacy.find()) {
      String day = slot.getString("userId") + "|" + slot.getString("date");
      String key = day + "\u0000" + slot.getString("scope");
      byDayScope.computeIfAbsent(key, k -> new ArrayList<>()).add(slot);
    }
    for (Map.Entry<String, List<Document>> group : byDayScope.entrySet()) {
      String[] parts = group.getKey().split("\u0000", 2);
      List<Document> slots = group.getValue().stream().map(LegacyLedger::slot).toList();
      days.updateOne(
          eq("_id", parts[0]),
          new Document("$set", new Document(LedgerDocuments.field(parts[1]), slots)));
    }
    legacy.drop();
    log.info("moved the ledgers of {} day scopes into their day documents", byDayScope.size());
  }

  private static Document slot(Document old) {
    return new Document("slot", old.getString("slot"))
        .append("entryId", old.getString("entryId"))
        .append("hash", old.getString("hash"))
        .append("state", old.getString("state"))
        .append("projectId", old.getString("projectId"))
        .append("start", old.getString("start"))
        .append("end", null)
        .append("blockedRevision", MongoDayStore.number(old, "blockedRevision"))
        .append("sentAt", null);
  }
}
