package io.focussync.clockify.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.nin;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.focussync.clockify.ledger.DayKey;
import io.focussync.clockify.ledger.DayRecord;
import io.focussync.clockify.ledger.DayStore;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** User-day state in the {@code days} collection, one document per user-day. */
@Repository
public class MongoDayStore implements DayStore {

  private static final List<String> SETTLED = List.of("SYNCED", "NEEDS_ATTENTION");

  private final MongoCollection<Document> days;
  private final Clock clock;

  public MongoDayStore(MongoTemplate mongo, Clock clock) {
    this.days = mongo.getCollection("days");
    this.days.createIndex(Indexes.ascending("userId", "status"));
    // Conditional writes filter on exactly (_id, revision) as a plain document: MongoDB answers
    // them from the _id index; the embedded wire server only from an index with exactly these
    // keys (a $and or a range scans the whole collection, under its lock).
    this.days.createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true));
    this.clock = clock;
  }

  @Override
  public Optional<DayRecord> find(String userId, LocalDate date) {
    return Optional.ofNullable(days.find(eq("_id", id(userId, date))).first()).map(this::record);
  }

  @Override
  public boolean offer(DayPlanned plan) {
    String id = id(plan.userId(), plan.date());
    Document fields =
        new Document("userId", plan.userId())
            .append("date", plan.date().toString())
            .append("revision", plan.revision())
            .append("plan", new String(EventCodec.toJson(plan), StandardCharsets.UTF_8))
            .append("status", "PENDING")
            .append("failures", 0)
            .append("updatedAt", now());
    for (Document held = days.find(eq("_id", id)).first();
        held != null;
        held = days.find(eq("_id", id)).first()) {
      long heldRevision = number(held, "revision");
      if (heldRevision >= plan.revision()) {
        return false;
      }
      Document unchanged = new Document("_id", id).append("revision", heldRevision);
      if (days.updateOne(unchanged, new Document("$set", fields)).getMatchedCount() > 0) {
        return true;
      }
    }
    try {
      days.insertOne(
          new Document(fields)
              .append("_id", id)
              .append("appliedRevision", 0L)
              .append("reportedFailureRevision", 0L));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void markApplied(
      String userId, LocalDate date, long revision, String status, String error) {
    String id = id(userId, date);
    Document settled =
        new Document("appliedRevision", revision)
            .append("status", status)
            .append("lastError", error)
            .append("failures", 0)
            .append("updatedAt", now());
    // The status only describes the newest plan: if a newer one is waiting, keep it PENDING.
    if (days.updateOne(new Document("_id", id).append("revision", revision), set(settled))
            .getMatchedCount()
        == 0) {
      days.updateOne(
          and(eq("_id", id), lt("appliedRevision", revision)),
          set(new Document("appliedRevision", revision)));
    }
  }

  @Override
  public void markFailed(String userId, LocalDate date, String error, int failures) {
    days.updateOne(
        eq("_id", id(userId, date)),
        set(
            new Document("status", "FAILED")
                .append("lastError", error)
                .append("failures", failures)
                .append("updatedAt", now())));
  }

  @Override
  public void markWaiting(String userId, LocalDate date) {
    days.updateOne(
        eq("_id", id(userId, date)),
        set(new Document("status", "WAITING_FOR_CONNECTION").append("updatedAt", now())));
  }

  @Override
  public boolean claimFailureReport(String userId, LocalDate date, long revision) {
    return days.updateOne(
                and(eq("_id", id(userId, date)), lt("reportedFailureRevision", revision)),
                set(new Document("reportedFailureRevision", revision)))
            .getModifiedCount()
        > 0;
  }

  @Override
  public List<DayKey> pending() {
    return pendingWhere(nin("status", SETTLED));
  }

  @Override
  public List<DayKey> pendingOf(String userId) {
    return pendingWhere(and(eq("userId", userId), nin("status", SETTLED)));
  }

  private List<DayKey> pendingWhere(Bson filter) {
    List<DayKey> pending = new ArrayList<>();
    for (Document doc : days.find(filter)) {
      DayRecord record = record(doc);
      if (record.pending()) {
        pending.add(new DayKey(record.userId(), record.plan().date()));
      }
    }
    return pending;
  }

  private DayRecord record(Document doc) {
    String json = doc.getString("plan");
    DayPlanned plan =
        json == null
            ? null
            : EventCodec.fromJson(DayPlanned.class, json.getBytes(StandardCharsets.UTF_8));
    return new DayRecord(
        doc.getString("userId"),
        plan,
        number(doc, "appliedRevision"),
        doc.getString("status"),
        doc.getString("lastError"),
        (int) number(doc, "failures"),
        number(doc, "reportedFailureRevision"));
  }

  static long number(Document doc, String field) {
    Object value = doc.get(field);
    return value instanceof Number number ? number.longValue() : 0L;
  }

  private static Document set(Document fields) {
    return new Document("$set", fields);
  }

  private Date now() {
    return Date.from(clock.instant());
  }

  private static String id(String userId, LocalDate date) {
    return userId + "|" + date;
  }
}
