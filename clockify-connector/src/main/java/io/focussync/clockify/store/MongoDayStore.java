package io.focussync.clockify.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;

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
import io.focussync.clockify.ledger.DayStatus;
import io.focussync.clockify.ledger.DayStore;
import io.focussync.clockify.ledger.ReceivedPlan;
import io.focussync.clockify.reconcile.LedgerSlot;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * User-day state in the {@code days} collection, one document per user-day: the newest plan, the
 * entry ledger of each scope, the fencing token and lease, and the outbox. Every write is a plain
 * single-document update by {@code _id} plus the token or revision it is conditional on.
 */
@Repository
public class MongoDayStore implements DayStore {

  /** The token of the intake call that wrote the day's current revision. */
  private static final String INTAKE = "intake";

  private static final Document REVISION = new Document("revision", 1);
  private static final Document REVISION_AND_INTAKE = new Document("revision", 1).append(INTAKE, 1);
  private static final Date NEVER = new Date(0);
  private static final String TRACEPARENT = "traceparent";

  private final MongoCollection<Document> days;
  private final Clock clock;

  public MongoDayStore(MongoTemplate mongo, Clock clock) {
    this.days = mongo.getCollection("days");
    this.days.createIndex(Indexes.ascending("userId", "status"));
    this.days.createIndex(Indexes.ascending("status", "partition"));
    // Conditional writes filter on exactly (_id, revision), (_id, fence) or (_id, fence, revision)
    // as plain documents: MongoDB answers them from the _id index; the embedded wire server only
    // from an index with exactly these keys (anything else scans the collection under its lock).
    this.days.createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true));
    this.days.createIndex(Indexes.ascending("_id", "fence"), new IndexOptions().unique(true));
    this.days.createIndex(
        Indexes.ascending("_id", "fence", "revision"), new IndexOptions().unique(true));
    this.clock = clock;
    LegacyLedger.migrate(mongo, days);
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
            new UpdateOneModel<>(
                revisionStill(day.getKey(), heldRevision), set(fields(plan, token))));
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
      if (days.updateOne(revisionStill(id, heldRevision), set(fields(plan, token)))
              .getMatchedCount()
          > 0) {
        return true;
      }
    }
  }

  private Document fields(ReceivedPlan plan, String token) {
    return new Document("userId", plan.plan().userId())
        .append("date", plan.plan().date().toString())
        .append("partition", plan.partition())
        .append("revision", plan.plan().revision())
        .append("plan", new String(plan.json(), StandardCharsets.UTF_8))
        // the plan's trace context, continued by its apply (rides on the plan's own write)
        .append(TRACEPARENT, plan.traceparent())
        .append("status", DayStatus.PENDING.name())
        .append("failures", 0)
        .append("updatedAt", now())
        .append(INTAKE, token);
  }

  private Document newDay(String id, ReceivedPlan plan, String token) {
    Document day = new Document("_id", id);
    day.putAll(fields(plan, token));
    return day.append("appliedRevision", 0L)
        .append("reportedFailureRevision", 0L)
        .append("fence", 0L)
        .append("leaseUntil", NEVER);
  }

  @Override
  public Optional<DayRecord> claim(DayRecord read, String owner, Instant until) {
    String id = id(read.userId(), read.plan().date());
    long fence = read.fence() + 1;
    boolean taken =
        days.updateOne(
                    fenced(id, read.fence()),
                    set(
                        new Document("fence", fence)
                            .append("leaseOwner", owner)
                            .append("leaseUntil", Date.from(until))))
                .getMatchedCount()
            > 0;
    if (!taken) {
      return Optional.empty();
    }
    return Optional.of(
        new DayRecord(
            read.userId(),
            read.plan(),
            read.partition(),
            read.appliedRevision(),
            read.status(),
            read.lastError(),
            read.failures(),
            read.reportedFailureRevision(),
            fence,
            owner,
            until,
            read.ledgers(),
            read.outbox(),
            read.traceparent()));
  }

  @Override
  public boolean renew(DayKey day, long fence, Instant until) {
    return days.updateOne(fenced(id(day), fence), set(new Document("leaseUntil", Date.from(until))))
            .getMatchedCount()
        > 0;
  }

  @Override
  public boolean saveLedger(DayKey day, long fence, String scope, Collection<LedgerSlot> slots) {
    List<Document> docs = slots.stream().map(LedgerDocuments::toDocument).toList();
    return days.updateOne(
                fenced(id(day), fence), set(new Document(LedgerDocuments.field(scope), docs)))
            .getMatchedCount()
        > 0;
  }

  @Override
  public boolean settle(DayKey day, long fence, Settlement settlement) {
    String id = id(day);
    Document fields =
        new Document("lastError", settlement.error())
            .append("failures", settlement.failures())
            .append("reportedFailureRevision", settlement.reportedFailureRevision())
            .append("leaseOwner", null)
            .append("leaseUntil", NEVER)
            .append("updatedAt", now());
    if (settlement.result() != null) {
      DayRecord.PendingResult result = settlement.result();
      fields.append(
          "outbox",
          new Document("id", result.id())
              .append("type", result.type())
              .append("json", new Binary(result.json()))
              .append(TRACEPARENT, result.traceparent()));
    }
    Document update = set(fields);
    if (settlement.applied()) {
      update.append("$max", new Document("appliedRevision", settlement.revision()));
    }
    // The status describes the newest plan: while a newer revision waits, it stays PENDING.
    long statusRevision = settlement.revision();
    Document withStatus = new Document(fields).append("status", settlement.status().name());
    Document updateWithStatus = new Document(update).append("$set", withStatus);
    if (days.updateOne(fencedAt(id, fence, statusRevision), updateWithStatus).getMatchedCount()
        > 0) {
      return true;
    }
    return days.updateOne(fenced(id, fence), update).getMatchedCount() > 0;
  }

  @Override
  public void release(DayKey day, long fence) {
    days.updateOne(
        fenced(id(day), fence), set(new Document("leaseOwner", null).append("leaseUntil", NEVER)));
  }

  @Override
  public void published(DayKey day, long fence) {
    days.updateOne(fenced(id(day), fence), new Document("$unset", new Document("outbox", "")));
  }

  @Override
  public Map<DayStatus, Long> countByStatus() {
    Map<DayStatus, Long> counts = new EnumMap<>(DayStatus.class);
    // One pass over the collection, whichever store serves it.
    for (Document group :
        days.aggregate(
            List.of(
                new Document(
                    "$group",
                    new Document("_id", "$status").append("days", new Document("$sum", 1)))))) {
      counts.put(
          DayStatus.valueOf(group.getString("_id")), ((Number) group.get("days")).longValue());
    }
    return counts;
  }

  @Override
  public List<DayKey> unfinished(Set<Integer> partitions) {
    List<DayKey> unfinished = new ArrayList<>();
    for (Document doc : days.find(or(nin("status", settledNames()), exists("outbox")))) {
      DayRecord record = record(doc);
      boolean mine = record.partition() < 0 || partitions.contains(record.partition());
      if (mine && (record.pending() || record.outbox() != null)) {
        unfinished.add(record.key());
      }
    }
    return unfinished;
  }

  @Override
  public List<DayRecord> waiting(Set<Integer> partitions, Instant untouchedSince) {
    Instant now = clock.instant();
    List<DayRecord> waiting = new ArrayList<>();
    for (Document doc :
        days.find(
            and(
                in("status", DayStatus.PENDING.name(), DayStatus.WAITING_FOR_CONNECTION.name()),
                in("partition", partitions),
                lt("updatedAt", Date.from(untouchedSince))))) {
      DayRecord record = record(doc);
      if (record.pending() && !record.leaseUntil().isAfter(now)) {
        waiting.add(record);
      }
    }
    return waiting;
  }

  @Override
  public List<DayRecord> between(String userId, LocalDate from, LocalDate to) {
    List<DayRecord> found = new ArrayList<>();
    for (Document doc :
        days.find(
            and(eq("userId", userId), gte("date", from.toString()), lte("date", to.toString())))) {
      DayRecord record = record(doc);
      if (record.plan() != null) {
        found.add(record);
      }
    }
    return found;
  }

  @Override
  public boolean reopen(DayRecord read) {
    long revision = read.plan().revision();
    Document fields =
        new Document("appliedRevision", revision - 1)
            .append("status", DayStatus.PENDING.name())
            .append("failures", 0)
            .append("lastError", null)
            .append("fence", read.fence() + 1)
            .append("leaseOwner", null)
            .append("leaseUntil", NEVER)
            .append("updatedAt", now());
    return days.updateOne(fencedAt(id(read.key()), read.fence(), revision), set(fields))
            .getMatchedCount()
        > 0;
  }

  @Override
  public List<DayKey> pendingOf(String userId) {
    List<DayKey> pending = new ArrayList<>();
    for (Document doc : days.find(and(eq("userId", userId), nin("status", settledNames())))) {
      DayRecord record = record(doc);
      if (record.pending()) {
        pending.add(record.key());
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
    Date leaseUntil = doc.getDate("leaseUntil");
    Object partition = doc.get("partition");
    return new DayRecord(
        doc.getString("userId"),
        plan,
        partition instanceof Number number ? number.intValue() : -1,
        number(doc, "appliedRevision"),
        DayStatus.valueOf(doc.getString("status")),
        doc.getString("lastError"),
        (int) number(doc, "failures"),
        number(doc, "reportedFailureRevision"),
        number(doc, "fence"),
        doc.getString("leaseOwner"),
        leaseUntil == null ? Instant.EPOCH : leaseUntil.toInstant(),
        LedgerDocuments.ledgers(doc),
        outbox(doc.get("outbox", Document.class)),
        doc.getString(TRACEPARENT));
  }

  private static DayRecord.PendingResult outbox(Document doc) {
    if (doc == null) {
      return null;
    }
    Object json = doc.get("json");
    byte[] bytes = json instanceof Binary binary ? binary.getData() : (byte[]) json;
    return new DayRecord.PendingResult(
        doc.getString("id"), doc.getString("type"), bytes, doc.getString(TRACEPARENT));
  }

  private static List<String> settledNames() {
    return Arrays.stream(DayStatus.values()).filter(DayStatus::settled).map(Enum::name).toList();
  }

  /** Matches the day only while it still holds this revision (answered by a unique index). */
  private static Document revisionStill(String id, long revision) {
    return new Document("_id", id).append("revision", revision);
  }

  /** Matches the day only while this token holds it (answered by a unique index). */
  private static Document fenced(String id, long fence) {
    return new Document("_id", id).append("fence", fence);
  }

  private static Document fencedAt(String id, long fence, long revision) {
    return new Document("_id", id).append("fence", fence).append("revision", revision);
  }

  private static boolean onlyDuplicateKeys(MongoBulkWriteException e) {
    return e.getWriteConcernError() == null
        && e.getWriteErrors().stream()
            .allMatch(
                error ->
                    ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
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

  static String id(DayKey day) {
    return id(day.userId(), day.date());
  }

  static String id(String userId, LocalDate date) {
    return userId + "|" + date;
  }
}
