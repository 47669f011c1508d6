package io.focussync.allocator.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.focussync.allocator.session.SessionRepository;
import io.focussync.allocator.session.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
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
    } catch (RuntimeException e) {
      // An index is an optimisation only; a store without secondary indexes still answers.
    }
  }

  @Override
  public Optional<StoredSession> find(String userId, String sessionId) {
    return Optional.ofNullable(
            collection.find(Filters.eq("_id", Keys.of(userId, sessionId))).first())
        .map(MongoSessionRepository::read);
  }

  @Override
  public boolean save(StoredSession s, Long expectedVersion) {
    String id = Keys.of(s.userId(), s.sessionId());
    Document doc =
        new Document("_id", id)
            .append("userId", s.userId())
            .append("sessionId", s.sessionId())
            .append("source", s.source())
            .append("version", s.version())
            .append("deleted", s.deleted())
            .append("projectKey", s.projectKey())
            .append("start", s.start() == null ? null : Date.from(s.start()))
            .append("end", s.end() == null ? null : Date.from(s.end()))
            .append("title", s.title());
    if (expectedVersion == null) {
      try {
        collection.insertOne(doc);
        return true;
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
          return false;
        }
        throw e;
      }
    }
    Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("version", expectedVersion));
    return collection.replaceOne(filter, doc).getMatchedCount() == 1;
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

  private static StoredSession read(Document d) {
    Date start = d.getDate("start");
    Date end = d.getDate("end");
    return new StoredSession(
        d.getString("userId"),
        d.getString("sessionId"),
        d.getString("source"),
        d.getLong("version"),
        d.getBoolean("deleted", false),
        d.getString("projectKey"),
        start == null ? null : start.toInstant(),
        end == null ? null : end.toInstant(),
        d.getString("title"));
  }
}
