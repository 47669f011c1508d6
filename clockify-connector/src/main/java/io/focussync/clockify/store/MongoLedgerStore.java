package io.focussync.clockify.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import io.focussync.clockify.ledger.LedgerStore;
import io.focussync.clockify.reconcile.LedgerSlot;
import io.focussync.clockify.reconcile.SlotState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** The entry ledger in the {@code ledger} collection, one document per slot. */
@Repository
public class MongoLedgerStore implements LedgerStore {

  private final MongoCollection<Document> ledger;
  private final Clock clock;

  public MongoLedgerStore(MongoTemplate mongo, Clock clock) {
    this.ledger = mongo.getCollection("ledger");
    this.ledger.createIndex(Indexes.ascending("userId", "scope", "date"));
    this.clock = clock;
  }

  @Override
  public List<LedgerSlot> load(String userId, String scope, LocalDate date) {
    List<LedgerSlot> slots = new ArrayList<>();
    // A prefix of the _id (which the wire server answers from the _id index; a filter on the
    // fields would scan every slot of every user), checked field by field for exactness.
    String prefix = id(userId, scope, date, "");
    for (Document doc : ledger.find(Filters.regex("_id", "^" + Pattern.quote(prefix)))) {
      if (!userId.equals(doc.getString("userId"))
          || !scope.equals(doc.getString("scope"))
          || !date.toString().equals(doc.getString("date"))) {
        continue;
      }
      String start = doc.getString("start");
      slots.add(
          new LedgerSlot(
              doc.getString("slot"),
              doc.getString("entryId"),
              doc.getString("hash"),
              SlotState.valueOf(doc.getString("state")),
              doc.getString("projectId"),
              start == null ? null : Instant.parse(start),
              MongoDayStore.number(doc, "blockedRevision")));
    }
    return slots;
  }

  @Override
  public void save(String userId, String scope, LocalDate date, LedgerSlot slot) {
    Document doc =
        new Document("_id", id(userId, scope, date, slot.slot()))
            .append("userId", userId)
            .append("scope", scope)
            .append("date", date.toString())
            .append("slot", slot.slot())
            .append("entryId", slot.entryId())
            .append("hash", slot.hash())
            .append("state", slot.state().name())
            .append("projectId", slot.projectId())
            .append("start", slot.start() == null ? null : slot.start().toString())
            .append("blockedRevision", slot.blockedRevision())
            .append("updatedAt", Date.from(clock.instant()));
    ledger.replaceOne(eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true));
  }

  @Override
  public void remove(String userId, String scope, LocalDate date, String slot) {
    ledger.deleteOne(eq("_id", id(userId, scope, date, slot)));
  }

  private static String id(String userId, String scope, LocalDate date, String slot) {
    return userId + "|" + scope + "|" + date + "|" + slot;
  }
}
