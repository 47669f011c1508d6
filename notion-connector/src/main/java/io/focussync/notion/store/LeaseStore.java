package io.focussync.notion.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.focussync.notion.lease.Lease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The poll leases, a field {@code lease: {owner, epoch, expiresAt}} on each connection document.
 * Every write is one conditional update of one document by {@code _id}, so two replicas can never
 * both succeed in taking or keeping the same lease.
 */
@Component
public class LeaseStore {

  private static final String OWNER = "lease.owner";
  private static final String EPOCH = "lease.epoch";
  private static final String EXPIRES_AT = "lease.expiresAt";

  private static final Logger log = LoggerFactory.getLogger(LeaseStore.class);

  private final MongoCollection<Document> connections;

  public LeaseStore(MongoTemplate mongo) {
    this.connections = mongo.getCollection("connections");
  }

  /** The lease on the user's connection ({@link Lease#NONE} if never held); empty without one. */
  public Optional<Lease> find(String userId) {
    return Optional.ofNullable(connections.find(Filters.eq("_id", userId)).first())
        .map(document -> fromDocument(document.get("lease", Document.class)));
  }

  /** Writes {@code next} if the stored lease is still exactly {@code seen}; true if it did. */
  public boolean replace(String userId, Lease seen, Lease next) {
    Bson unchanged =
        seen.equals(Lease.NONE)
            ? Filters.exists("lease", false)
            : Filters.and(
                Filters.eq(OWNER, seen.owner()),
                Filters.eq(EPOCH, seen.epoch()),
                Filters.eq(EXPIRES_AT, ConnectionStore.date(seen.expiresAt())));
    return connections
            .updateOne(
                Filters.and(Filters.eq("_id", userId), unchanged),
                Updates.set("lease", toDocument(next)))
            .getMatchedCount()
        > 0;
  }

  /** Moves the expiry of a lease its holder still holds (same owner and epoch); true if held. */
  public boolean renew(String userId, Lease renewed) {
    return connections
            .updateOne(
                heldAs(userId, renewed),
                Updates.set(EXPIRES_AT, ConnectionStore.date(renewed.expiresAt())))
            .getMatchedCount()
        > 0;
  }

  /**
   * Frees the leases their holder still holds, keeping their epochs, in one write that gives up
   * after {@code within}: a stopping replica does not wait for a store that is gone (the leases
   * then run out by themselves). True if the store took the write.
   */
  public boolean releaseAll(Map<String, Lease> held, Duration within) {
    if (held.isEmpty()) {
      return true;
    }
    List<WriteModel<Document>> writes = new ArrayList<>(held.size());
    held.forEach(
        (userId, lease) ->
            writes.add(
                new UpdateOneModel<>(
                    heldAs(userId, lease), Updates.set("lease", toDocument(lease.released())))));
    try {
      connections
          .withTimeout(within.toMillis(), TimeUnit.MILLISECONDS)
          .bulkWrite(writes, new BulkWriteOptions().ordered(false));
      return true;
    } catch (MongoException e) {
      log.warn("could not hand back {} lease(s): {}", held.size(), e.toString());
      return false;
    }
  }

  /** The filter "this document, still held by this owner in this epoch": the fencing condition. */
  static Bson heldAs(String userId, Lease lease) {
    return Filters.and(
        Filters.eq("_id", userId),
        Filters.eq(OWNER, lease.owner()),
        Filters.eq(EPOCH, lease.epoch()));
  }

  private static Document toDocument(Lease lease) {
    return new Document("owner", lease.owner())
        .append("epoch", lease.epoch())
        .append("expiresAt", ConnectionStore.date(lease.expiresAt()));
  }

  private static Lease fromDocument(Document lease) {
    if (lease == null) {
      return Lease.NONE;
    }
    Number epoch = lease.get("epoch", Number.class);
    return new Lease(
        lease.getString("owner"),
        epoch == null ? 0 : epoch.longValue(),
        ConnectionStore.instant(lease.getDate("expiresAt")));
  }
}
