package io.focussync.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What MongoDB's TTL monitor does, for the wire server, which has none: every interval it deletes
 * the documents that a TTL index ({@code expireAfterSeconds}) says have expired, in every database.
 */
final class TtlMonitor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TtlMonitor.class);
  private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");

  private final MongoClient client;
  private final ScheduledExecutorService timer;

  TtlMonitor(String uri, Duration every) {
    this.client = MongoClients.create(uri);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "wire-mongo-ttl-monitor");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(
        this::sweepQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Deletes what has expired at {@code now}; the number of documents deleted. */
  long sweep(Instant now) {
    long deleted = 0;
    for (String name : client.listDatabaseNames()) {
      if (SYSTEM_DATABASES.contains(name)) {
        continue;
      }
      MongoDatabase database = client.getDatabase(name);
      for (String collectionName : database.listCollectionNames()) {
        deleted += sweep(database.getCollection(collectionName), now);
      }
    }
    return deleted;
  }

  private static long sweep(MongoCollection<Document> collection, Instant now) {
    long deleted = 0;
    for (Document index : collection.listIndexes()) {
      Number seconds = index.get("expireAfterSeconds", Number.class);
      Document key = index.get("key", Document.class);
      if (seconds == null || key == null || key.size() != 1) {
        continue;
      }
      String field = key.keySet().iterator().next();
      Date before = Date.from(now.minusSeconds(seconds.longValue()));
      deleted += collection.deleteMany(Filters.lt(field, before)).getDeletedCount();
    }
    return deleted;
  }

  private void sweepQuietly() {
    try {
      long deleted = sweep(Instant.now());
      if (deleted > 0) {
        log.debug("deleted {} expired document(s)", deleted);
      }
    } catch (RuntimeException e) {
      log.debug("TTL sweep failed; trying again at the next one: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    client.close();
  }
}
