package io.focussync.clockify.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.nin;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.focussync.clockify.ledger.DayKey;
import io.focussync.clockify.ledger.DayRecord;
import io.focussync.clockify.ledger.DayStore;
import io.focussync.clockify.ledger.ReceivedPlan;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** User-day state in the {@code days} collection, one document per user-day. */
@Repository
public class MongoDayStore implements DayStore {

  private static final List<String> SETTLED = List.of("SYNCED", "NEEDS_ATTENTION");

  /** The token of the intake call that wrote the day's current revision. */
  private static final String INTAKE = "intake";

  private static final Document REVISION = new Document("revision", 1);
  private static final Document REVISION_AND_INTAKE = new Document("revision", 1).append(INTAKE, 1);

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
  public List<DayPlanned> offer(Collection<ReceivedPlan> plans) {
    if (plans.isEmpty()) {
      return List.of();
    }
    // Marks this call's writes, so that after a conflict each day can tell whether its write took.
    String token = UUID.randomUUID().toString();
    Map<String, ReceivedPlan> byId = new LinkedHashMap<>();
    plans.forEach(plan -> byId.put(id(plan.plan().userId(), plan.plan().date()), plan));
    Map<String, Long> held = new HashMap<>();
    // The wire server answers an _id $in from the _id index (one lookup per id), like MongoDB.
    for (Document doc : days.find(in("_id", byId.keySet())).projection(REVISION)) {
      held.put(doc.getString("_id"), number(doc, "revision"));
    }
    List<WriteModel<Document>> writes = new ArrayList<>(byId.size());
    List<ReceivedPlan> offered = new ArrayList<>(byId.size());
    int inserts = 0;
    for (Map.Entry<String, ReceivedPlan> day : byId.entrySet()) {
      ReceivedPlan plan = day.getValue();
      Long heldRevision = held.get(day.getKey());
      if (heldRevision == null) {
        writes.add(new InsertOneModel<>(newDay(day.getKey(), plan, token)));
        inserts++;
      } else if (heldRevision < plan.plan().revision()) {
        writes.add(
            new UpdateOneModel<>(unchanged(day.getKey(), heldRevision), set(fields(plan, token))));
      } else {
        continue;
      }
      offered.add(plan);
    }
    if (offered.isEmpty()) {
      return List.of();
    }
    try {
      BulkWriteResult result = days.bulkWrite(writes, new BulkWriteOptions().ordered(false));
      if (result.getInsertedCount() == inserts
          && result.getMatchedCount() == offered.size() - inserts) {
        return offered.stream().map(ReceivedPlan::plan).toList();
      }
    } catch (MongoBulkWriteException e) {
      if (!onlyDuplicateKeys(e)) {
        throw e;
      }
    }
    // Another writer changed some of these days in between: settle each of them on its own.
    List<DayPlanned> kept = new ArrayList<>(offered.size());
    for (ReceivedPlan plan : offered) {
      if (offerOne(plan, token)) {
        kept.add(plan.plan());
      }
    }
    return kept;
  }

  /** One day's conditional write, repeated until it is known to be kept or stale. */
  private boolean offerOne(ReceivedPlan plan, String token) {
    String id = id(plan.plan().userId(), plan.plan().date());
    long revision = plan.plan().revision();
    while (true) {
      Document held = days.find(eq("_id", id)).projection(REVISION_AND_INTAKE).first();
      if (held == null) {
        try {
          days.insertOne(newDay(id, plan, token));
          return true;
        } catch (MongoWriteException e) {
          if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
            throw e;
          }
          continue;
        }
      }
      long heldRevision = number(held, "revision");
      if (heldRevision == revision && token.equals(held.getString(INTAKE))) {
        return true;
      }
      if (heldRevision >= revision) {
        return false;
      }
      if (days.updateOne(unchanged(id, heldRevision), set(fields(plan, token))).getMatchedCount()
          > 0) {
        return true;
      }
    }
  }

  private Document fields(ReceivedPlan plan, String token) {
    return new Document("userId", plan.plan().userId())
        .append("date", plan.plan().date().toString())
        .append("revision", plan.plan().revision())
        .append("plan", new String(plan.json(), StandardCharsets.UTF_8))
        .append("status", "PENDING")
        .append("failures", 0)
        .append("updatedAt", now())
        .append(INTAKE, token);
  }

  private Document newDay(String id, ReceivedPlan plan, String token) {
    Document day = new Document("_id", id);
    day.putAll(fields(plan, token));
    return day.append("appliedRevision", 0L).append("reportedFailureRevision", 0L);
  }

  /** Matches the day only while it still holds this revision (answered by a unique index). */
  private static Document unchanged(String id, long revision) {
    return new Document("_id", id).append("revision", revision);
  }

  private static boolean onlyDuplicateKeys(MongoBulkWriteException e) {
    return e.getWriteConcernError() == null
        && e.getWriteErrors().stream()
            .allMatch(
                error ->
                    ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
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

  static String id(String userId, LocalDate date) {
    return userId + "|" + date;
  }
}
