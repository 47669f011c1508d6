package io.focussync.allocator.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.focussync.allocator.allocation.AllocatedEntry;
import io.focussync.allocator.allocation.BusySpan;
import io.focussync.allocator.day.Contribution;
import io.focussync.allocator.day.DayRef;
import io.focussync.allocator.day.StoredPlan;
import io.focussync.allocator.day.SyncState;
import io.focussync.allocator.day.SyncStatus;
import io.focussync.allocator.day.UserDay;
import io.focussync.allocator.day.UserDayRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * One document per user-day, written under its {@code docVersion}: every change is one
 * single-document atomic write, no transactions.
 */
@Repository
public class MongoUserDayRepository implements UserDayRepository {

  /**
   * Read-only; a plain document is encoded straight onto the wire, unlike the driver's builders.
   */
  private static final Document MARK_EMITTED =
      new Document("$set", new Document("plan.emitted", true).append("unemitted", false))
          .append("$inc", new Document("docVersion", 1L));

  private final MongoCollection<Document> collection;

  public MongoUserDayRepository(MongoDatabaseFactory factory) {
    this.collection = factory.getMongoDatabase().getCollection("user_days");
    try {
      collection.createIndex(Indexes.ascending("userId", "date"));
      collection.createIndex(Indexes.ascending("unemitted"));
      collection.createIndex(Indexes.ascending("dueAt"));
      // The conditional writes filter on exactly these keys, as plain documents (Filters.and
      // would render $and). MongoDB answers them from the _id index; the embedded wire server
      // uses an index only if its keys equal the filter's, and scans the collection otherwise.
      collection.createIndex(
          Indexes.ascending("_id", "docVersion"), new IndexOptions().unique(true));
    } catch (RuntimeException e) {
      // Indexes are an optimisation only.
    }
  }

  @Override
  public Optional<UserDay> find(String userId, LocalDate date) {
    return Optional.ofNullable(collection.find(Filters.eq("_id", id(userId, date))).first())
        .map(MongoUserDayRepository::read);
  }

  @Override
  public Map<DayRef, UserDay> findAll(Collection<DayRef> refs) {
    List<String> ids = new ArrayList<>(refs.size());
    refs.forEach(ref -> ids.add(id(ref.userId(), ref.date())));
    Map<DayRef, UserDay> found = new HashMap<>();
    collection
        .find(new Document("_id", new Document("$in", ids)))
        .forEach(
            d -> {
              UserDay day = read(d);
              found.put(new DayRef(day.userId(), day.date()), day);
            });
    return found;
  }

  @Override
  public boolean save(UserDay day) {
    return saveAll(List.of(day));
  }

  @Override
  public boolean saveAll(List<UserDay> days) {
    return write(
        days,
        (day, expected) ->
            new ReplaceOneModel<>(versioned(day, expected), write(day, expected + 1)));
  }

  @Override
  public boolean saveSyncAll(List<UserDay> days) {
    return write(
        days,
        (day, expected) ->
            new UpdateOneModel<>(
                versioned(day, expected),
                new Document(
                    "$set",
                    new Document("sync", writeSync(day.sync()))
                        .append("docVersion", expected + 1))));
  }

  /**
   * Inserts the new days (docVersion 0) and writes the stored ones with the model given (which must
   * be conditional on the docVersion and set the next one), unordered, in one round trip.
   */
  private boolean write(
      List<UserDay> days, BiFunction<UserDay, Long, WriteModel<Document>> storedDayWrite) {
    if (days.isEmpty()) {
      return true;
    }
    List<WriteModel<Document>> models = new ArrayList<>(days.size());
    for (UserDay day : days) {
      long expected = day.docVersion();
      if (expected == 0) {
        models.add(new InsertOneModel<>(write(day, 1)));
      } else {
        models.add(storedDayWrite.apply(day, expected));
      }
    }
    BulkWriteResult result;
    try {
      result = collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      // A duplicate key is a day inserted concurrently: a conflict like a docVersion mismatch.
      if (!BulkWrites.onlyDuplicateKeys(e)) {
        throw e;
      }
      return false;
    }
    if (result.getInsertedCount() + result.getMatchedCount() != days.size()) {
      return false;
    }
    days.forEach(day -> day.docVersion(day.docVersion() + 1));
    return true;
  }

  /** The filter of a conditional write: exactly the keys of the unique (_id, docVersion) index. */
  private static Document versioned(UserDay day, long docVersion) {
    return new Document("_id", id(day.userId(), day.date())).append("docVersion", docVersion);
  }

  @Override
  public void markEmitted(List<UserDay> days) {
    if (days.isEmpty()) {
      return;
    }
    // Usually the day is as this process left it: found through its docVersion (indexed).
    List<WriteModel<Document>> models = new ArrayList<>(days.size());
    for (UserDay day : days) {
      models.add(new UpdateOneModel<>(versioned(day, day.docVersion()), MARK_EMITTED));
    }
    BulkWriteResult result = collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
    if (result.getMatchedCount() == days.size()) {
      return;
    }
    // Someone wrote some of them in between: mark those whose plan is still this revision.
    models.clear();
    for (UserDay day : days) {
      models.add(
          new UpdateOneModel<>(
              Filters.and(
                  Filters.eq("_id", id(day.userId(), day.date())),
                  Filters.eq("plan.revision", day.plan().revision()),
                  Filters.eq("plan.emitted", false)),
              MARK_EMITTED));
    }
    collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
  }

  @Override
  public List<UserDay> findUnemitted(int limit) {
    return list(Filters.eq("unemitted", true), limit);
  }

  @Override
  public List<UserDay> findDue(Instant now, int limit) {
    return list(Filters.lte("dueAt", Date.from(now)), limit);
  }

  @Override
  public List<UserDay> findByUser(String userId) {
    return list(Filters.eq("userId", userId), Integer.MAX_VALUE);
  }

  @Override
  public List<UserDay> findRange(String userId, LocalDate from, LocalDate to) {
    return list(
        Filters.and(
            Filters.eq("userId", userId),
            Filters.gte("date", from.toString()),
            Filters.lte("date", to.toString())),
        Integer.MAX_VALUE);
  }

  private List<UserDay> list(Bson filter, int limit) {
    List<UserDay> found = new ArrayList<>();
    collection
        .find(filter)
        .sort(Sorts.ascending("date"))
        .limit(limit == Integer.MAX_VALUE ? 0 : limit)
        .forEach(d -> found.add(read(d)));
    return found;
  }

  private static String id(String userId, LocalDate date) {
    return Keys.of(userId, date.toString());
  }

  private static Document write(UserDay day, long docVersion) {
    List<Document> sessions = new ArrayList<>();
    for (Contribution c : day.sessions().values()) {
      Document session =
          new Document("id", c.sessionId())
              .append("v", c.version())
              .append("key", c.projectKey())
              .append("s", Date.from(c.start()))
              .append("e", Date.from(c.end()))
              .append("t", c.title());
      if (c.trackedSeconds() != null) {
        session.append("tr", c.trackedSeconds());
      }
      sessions.add(session);
    }
    List<Document> removed = new ArrayList<>();
    day.removedVersions().forEach((id, v) -> removed.add(new Document("id", id).append("v", v)));
    Document doc =
        new Document("_id", id(day.userId(), day.date()))
            .append("userId", day.userId())
            .append("date", day.date().toString())
            .append("docVersion", docVersion)
            .append("sessions", sessions)
            .append("removed", removed)
            .append("lateChanges", day.lateChanges())
            .append("approvedHash", day.approvedHash())
            .append("dueAt", day.dueAt() == null ? null : Date.from(day.dueAt()))
            .append("unemitted", day.plan() != null && !day.plan().emitted());
    if (day.busyObservedAt() != null) {
      doc.append("busy", writeBusy(day.busy())).append("busyAt", Date.from(day.busyObservedAt()));
    }
    if (day.plan() != null) {
      doc.append("plan", writePlan(day.plan()));
    }
    if (day.sync() != null) {
      doc.append("sync", writeSync(day.sync()));
    }
    return doc;
  }

  private static Document writePlan(StoredPlan p) {
    List<Document> entries = new ArrayList<>();
    for (AllocatedEntry e : p.entries()) {
      entries.add(
          new Document("slot", e.slot())
              .append("projectId", e.projectId())
              .append("start", Date.from(e.start()))
              .append("end", Date.from(e.end()))
              .append("description", e.description())
              .append("sessionIds", e.sessionIds()));
    }
    Document plan =
        new Document("revision", p.revision())
            .append("hash", p.hash())
            .append("mode", p.mode())
            .append("timeZone", p.timeZone())
            .append("plannedAt", Date.from(p.plannedAt()))
            .append("emitted", p.emitted())
            .append("entries", entries);
    if (!p.busy().isEmpty()) {
      plan.append("busy", writeBusy(p.busy()));
    }
    return plan;
  }

  private static List<Document> writeBusy(List<BusySpan> busy) {
    List<Document> spans = new ArrayList<>(busy.size());
    for (BusySpan b : busy) {
      spans.add(new Document("s", Date.from(b.start())).append("e", Date.from(b.end())));
    }
    return spans;
  }

  /** Busy spans as stored; documents written before them read as none. */
  private static List<BusySpan> readBusy(Document parent) {
    List<BusySpan> busy = new ArrayList<>();
    for (Document b : parent.getList("busy", Document.class, List.of())) {
      busy.add(new BusySpan(b.getDate("s").toInstant(), b.getDate("e").toInstant()));
    }
    return busy;
  }

  private static Document writeSync(SyncState s) {
    List<Document> entries = new ArrayList<>();
    for (SyncState.SyncedSlot e : s.entries()) {
      entries.add(
          new Document("slot", e.slot())
              .append("clockifyEntryId", e.clockifyEntryId())
              .append("state", e.state().name()));
    }
    return new Document("resultRevision", s.resultRevision())
        .append("status", s.status().name())
        .append("appliedRevision", s.appliedRevision())
        .append("dryRun", s.dryRun())
        .append("entries", entries)
        .append("lastError", s.lastError())
        .append("at", s.at() == null ? null : Date.from(s.at()));
  }

  private static UserDay read(Document d) {
    UserDay day = new UserDay(d.getString("userId"), LocalDate.parse(d.getString("date")));
    day.docVersion(d.get("docVersion", Number.class).longValue());
    for (Document c : d.getList("sessions", Document.class, List.of())) {
      Contribution contribution =
          new Contribution(
              c.getString("id"),
              c.get("v", Number.class).longValue(),
              c.getString("key"),
              c.getDate("s").toInstant(),
              c.getDate("e").toInstant(),
              Documents.longOrNull(c, "tr"),
              c.getString("t"));
      day.sessions().put(contribution.sessionId(), contribution);
    }
    Map<String, Long> removed = day.removedVersions();
    for (Document r : d.getList("removed", Document.class, List.of())) {
      removed.put(r.getString("id"), r.get("v", Number.class).longValue());
    }
    day.lateChanges(d.getBoolean("lateChanges", false));
    day.approvedHash(d.getString("approvedHash"));
    Date due = d.getDate("dueAt");
    day.dueAt(due == null ? null : due.toInstant());
    Date busyAt = d.getDate("busyAt");
    if (busyAt != null) {
      day.busy(readBusy(d), busyAt.toInstant());
    }
    Document plan = d.get("plan", Document.class);
    if (plan != null) {
      List<AllocatedEntry> entries = new ArrayList<>();
      for (Document e : plan.getList("entries", Document.class, List.of())) {
        entries.add(
            new AllocatedEntry(
                e.getString("slot"),
                e.getString("projectId"),
                e.getDate("start").toInstant(),
                e.getDate("end").toInstant(),
                e.getString("description"),
                e.getList("sessionIds", String.class, List.of())));
      }
      day.plan(
          new StoredPlan(
              plan.get("revision", Number.class).longValue(),
              plan.getString("hash"),
              plan.getString("mode"),
              plan.getString("timeZone"),
              entries,
              plan.getDate("plannedAt").toInstant(),
              plan.getBoolean("emitted", false),
              readBusy(plan)));
    }
    Document sync = d.get("sync", Document.class);
    if (sync != null) {
      List<SyncState.SyncedSlot> entries = new ArrayList<>();
      for (Document e : sync.getList("entries", Document.class, List.of())) {
        entries.add(
            new SyncState.SyncedSlot(
                e.getString("slot"),
                e.getString("clockifyEntryId"),
                SyncStatus.valueOf(e.getString("state"))));
      }
      Date at = sync.getDate("at");
      day.sync(
          new SyncState(
              sync.get("resultRevision", Number.class).longValue(),
              SyncStatus.valueOf(sync.getString("status")),
              sync.get("appliedRevision", Number.class).longValue(),
              sync.getBoolean("dryRun", false),
              entries,
              sync.getString("lastError"),
              at == null ? null : at.toInstant()));
    }
    return day;
  }
}
