package io.focussync.allocator.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import io.focussync.allocator.session.SessionRef;
import io.focussync.allocator.session.SessionRepository;
import io.focussync.allocator.session.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/** The session read model: one document per (user, session), tombstones included. */
@Repository
public class MongoSessionRepository implements SessionRepository {

  /** Sessions are never longer than this (the consumer rejects longer ones). */
  public static final Duration MAX_SESSION = Duration.ofDays(31);

  private final MongoCollection<Document> collection;

  public MongoSessionRepository(MongoDatabaseFactory factory) {
    this.collection = factory.getMongoDatabase().getCollection("sessions");
    try {
      collection.createIndex(Indexes.ascending("userId", "start"));
      // The conditional write filters on exactly (_id, version): see MongoUserDayRepository.
      collection.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
    } catch (RuntimeException e) {
      // An index is an optimisation only; a store without secondary indexes still answers.
    }
  }

  @Override
  public Map<SessionRef, StoredSession> findAll(Collection<SessionRef> refs) {
    List<String> ids = new ArrayList<>(refs.size());
    refs.forEach(ref -> ids.add(Keys.of(ref.userId(), ref.sessionId())));
    Map<SessionRef, StoredSession> found = new HashMap<>();
    collection
        .find(new Document("_id", new Document("$in", ids)))
        .forEach(
            d -> {
              StoredSession s = read(d);
              found.put(new SessionRef(s.userId(), s.sessionId()), s);
            });
    return found;
  }

  @Override
  public void saveAll(List<Write> writes) {
    if (writes.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> models = new ArrayList<>(writes.size());
    for (Write w : writes) {
      Document doc = write(w.session());
      models.add(
          w.expectedVersion() == null
              ? new InsertOneModel<>(doc)
              : new ReplaceOneModel<>(
                  new Document("_id", doc.get("_id")).append("version", w.expectedVersion()), doc));
    }
    try {
      collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      // A duplicate key is a session stored concurrently: newer, or it would not have won.
      if (!BulkWrites.onlyDuplicateKeys(e)) {
        throw e;
      }
    }
  }

  @Override
  public List<StoredSession> findOverlapping(String userId, Instant from, Instant to, int limit) {
    Bson filter =
        Filters.and(
            Filters.eq("userId", userId),
            Filters.eq("deleted", false),
            Filters.gte("start", Date.from(from.minus(MAX_SESSION))),
            Filters.lt("start", Date.from(to)),
            Filters.gt("end", Date.from(from)));
    List<StoredSession> found = new ArrayList<>();
    collection
        .find(filter)
        .sort(Sorts.ascending("start", "sessionId"))
        .limit(limit)
        .forEach(d -> found.add(read(d)));
    return found;
  }

  @Override
  public List<StoredSession> findLive(String userId) {
    List<StoredSession> found = new ArrayList<>();
    collection
        .find(Filters.and(Filters.eq("userId", userId), Filters.eq("deleted", false)))
        .forEach(d -> found.add(read(d)));
    return found;
  }

  private static Document write(StoredSession s) {
    return new Document("_id", Keys.of(s.userId(), s.sessionId()))
        .append("userId", s.userId())
        .append("sessionId", s.sessionId())
        .append("source", s.source())
        .append("version", s.version())
        .append("eventVersion", s.eventVersion())
        .append("deleted", s.deleted())
        .append("projectKey", s.projectKey())
        .append("start", s.start() == null ? null : Date.from(s.start()))
        .append("end", s.end() == null ? null : Date.from(s.end()))
        .append("trackedSeconds", s.trackedSeconds())
        .append("title", s.title())
        .append("createdAt", date(s.createdAt()))
        .append("updatedAt", date(s.updatedAt()));
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** Sessions stored before versions were topic positions held the event's version itself. */
  private static long eventVersion(Document d) {
    Long eventVersion = d.getLong("eventVersion");
    return eventVersion == null ? d.getLong("version") : eventVersion;
  }

  private static StoredSession read(Document d) {
    Date start = d.getDate("start");
    Date end = d.getDate("end");
    return new StoredSession(
        d.getString("userId"),
        d.getString("sessionId"),
        d.getString("source"),
        d.getLong("version"),
        eventVersion(d),
        d.getBoolean("deleted", false),
        d.getString("projectKey"),
        start == null ? null : start.toInstant(),
        end == null ? null : end.toInstant(),
        Documents.longOrNull(d, "trackedSeconds"),
        d.getString("title"),
        instant(d.getDate("createdAt")),
        instant(d.getDate("updatedAt")));
  }
}
