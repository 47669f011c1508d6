package io.focussync.gateway.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.focussync.gateway.ratelimit.ArrivalTimes;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * The rate limit's arrival times in {@code rate_limits}, one document per key, forgotten by a TTL
 * index once idle (the embedded store sweeps TTL indexes too).
 */
public final class MongoArrivalTimes implements ArrivalTimes {

  private final MongoCollection<Document> limits;
  private volatile boolean indexed;

  public MongoArrivalTimes(MongoCollection<Document> limits) {
    this.limits = limits;
  }

  @Override
  public Long find(String key) {
    return call(
        () -> {
          Document held = collection().find(Filters.eq("_id", key)).first();
          return held == null ? null : held.getLong("tat");
        });
  }

  @Override
  public boolean insert(String key, long nextMicros, Instant forgetAt) {
    return call(
        () -> {
          try {
            collection()
                .insertOne(
                    new Document("_id", key)
                        .append("tat", nextMicros)
                        .append("expiresAt", Date.from(forgetAt)));
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
  public boolean replace(String key, long storedMicros, long nextMicros, Instant forgetAt) {
    return call(
        () ->
            collection()
                    .updateOne(
                        Filters.and(Filters.eq("_id", key), Filters.eq("tat", storedMicros)),
                        Updates.combine(
                            Updates.set("tat", nextMicros),
                            Updates.set("expiresAt", Date.from(forgetAt))))
                    .getModifiedCount()
                > 0);
  }

  private MongoCollection<Document> collection() {
    if (!indexed) {
      limits.createIndex(
          Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
      indexed = true;
    }
    return limits;
  }

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (MongoException e) {
      throw new ArrivalTimes.UnavailableException(e);
    }
  }
}
