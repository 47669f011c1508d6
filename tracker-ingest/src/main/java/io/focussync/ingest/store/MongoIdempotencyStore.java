package io.focussync.ingest.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.focussync.ingest.idempotency.IdempotencyRecord;
import io.focussync.ingest.idempotency.IdempotencyStore;
import io.focussync.ingest.idempotency.StoredResponse;
import io.focussync.platform.web.ServiceUnavailableException;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Idempotency records in the {@code idempotency_keys} collection, one document per user and key,
 * removed by a TTL index once expired (and ignored after expiry by the service in any case).
 */
@Repository
class MongoIdempotencyStore implements IdempotencyStore {

  static final String COLLECTION = "idempotency_keys";
  private static final Logger log = LoggerFactory.getLogger(MongoIdempotencyStore.class);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final MongoTemplate mongo;
  private volatile boolean indexed;

  MongoIdempotencyStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public Optional<IdempotencyRecord> find(String userId, String key) {
    return call(() ->
            Optional.ofNullable(collection().find(Filters.eq("_id", id(userId, key))).first()))
        .map(MongoIdempotencyStore::toRecord);
  }

  @Override
  public boolean insertPending(IdempotencyRecord pending) {
    return call(
        () -> {
          try {
            collection().insertOne(toDocument(pending));
            return true;
          } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
              return false;
            }
            throw e;
          }
        });
  }

  @Override
  public boolean takeOver(IdempotencyRecord abandoned, IdempotencyRecord pending) {
    return call(
        () ->
            collection()
                    .replaceOne(
                        Filters.and(
                            Filters.eq("_id", id(abandoned.userId(), abandoned.key())),
                            Filters.eq("owner", abandoned.owner()),
                            Filters.eq("status", null)),
                        toDocument(pending))
                    .getModifiedCount()
                == 1);
  }

  @Override
  public void complete(IdempotencyRecord pending, StoredResponse response) {
    call(
        () ->
            collection()
                .updateOne(
                    ownedBy(pending),
                    Updates.combine(
                        Updates.set("status", response.status()),
                        Updates.set("body", response.body()))));
  }

  @Override
  public void remove(IdempotencyRecord record) {
    Bson filter =
        record.isCompleted()
            ? Filters.and(
                Filters.eq("_id", id(record.userId(), record.key())),
                Filters.eq("expiresAt", Date.from(record.expiresAt())))
            : ownedBy(record);
    call(() -> collection().deleteOne(filter));
  }

  private static Bson ownedBy(IdempotencyRecord record) {
    return Filters.and(
        Filters.eq("_id", id(record.userId(), record.key())), Filters.eq("owner", record.owner()));
  }

  private MongoCollection<Document> collection() {
    MongoCollection<Document> collection = mongo.getCollection(COLLECTION);
    if (!indexed) {
      try {
        collection.createIndex(
            Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
      } catch (MongoException e) {
        log.warn("could not create the TTL index on {}: {}", COLLECTION, e.toString());
      }
      indexed = true;
    }
    return collection;
  }

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (MongoException e) {
      throw new ServiceUnavailableException(
          "The idempotency store is unavailable; nothing was recorded. Retry later.",
          RETRY_AFTER,
          e);
    }
  }

  private static String id(String userId, String key) {
    return userId + "\u001f" + key;
  }

  private static Document toDocument(IdempotencyRecord record) {
    return new Document("_id", id(record.userId(), record.key()))
        .append("userId", record.userId())
        .append("key", record.key())
        .append("fingerprint", record.fingerprint())
        .append("owner", record.owner())
        .append("lockedUntil", Date.from(record.lockedUntil()))
        .append("expiresAt", Date.from(record.expiresAt()));
  }

  private static IdempotencyRecord toRecord(Document document) {
    Integer status = document.getInteger("status");
    return new IdempotencyRecord(
        document.getString("userId"),
        document.getString("key"),
        document.getString("fingerprint"),
        document.getString("owner"),
        document.getDate("lockedUntil").toInstant(),
        status == null ? null : new StoredResponse(status, document.getString("body")),
        document.getDate("expiresAt").toInstant());
  }
}
