package io.focussync.notion.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.focussync.notion.lease.Lease;
import io.focussync.notion.mapping.PropertyMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The users' Notion connections, one per user (collection {@code connections}). */
@Component
public class ConnectionStore {

  private final MongoCollection<Document> connections;

  public ConnectionStore(MongoTemplate mongo) {
    this.connections = mongo.getCollection("connections");
  }

  /** Stores (or replaces) a user's connection, keeping its poll lease. */
  public void save(StoredConnection connection) {
    Document fields = toDocument(connection);
    fields.remove("_id");
    connections.updateOne(
        Filters.eq("_id", connection.userId()), new Document("$set", fields), upsert());
  }

  public Optional<StoredConnection> find(String userId) {
    return Optional.ofNullable(connections.find(Filters.eq("_id", userId)).first())
        .map(ConnectionStore::fromDocument);
  }

  /** Removes a user's connection; true if there was one. */
  public boolean delete(String userId) {
    return connections.deleteOne(Filters.eq("_id", userId)).getDeletedCount() > 0;
  }

  public List<StoredConnection> findAll() {
    List<StoredConnection> all = new ArrayList<>();
    connections.find().forEach(document -> all.add(fromDocument(document)));
    return all;
  }

  /** The connections reading a data source (or, if only the database is known, a database). */
  public List<StoredConnection> findByParent(String dataSourceId, String databaseId) {
    List<StoredConnection> found = new ArrayList<>();
    connections
        .find(
            Filters.or(
                Filters.eq("dataSourceId", String.valueOf(dataSourceId)),
                Filters.eq("databaseId", String.valueOf(databaseId))))
        .forEach(document -> found.add(fromDocument(document)));
    return found;
  }

  /**
   * Advances the poll position, fenced: only while the poll's lease (owner and epoch) is still the
   * stored one, and unless the connection was replaced by one of another data source meanwhile.
   * Returns false if it wrote nothing.
   */
  public boolean advance(
      String userId, String dataSourceId, Lease lease, Instant watermark, Instant lastFullScan) {
    return connections
            .updateOne(
                Filters.and(
                    LeaseStore.heldAs(userId, lease), Filters.eq("dataSourceId", dataSourceId)),
                Updates.combine(
                    Updates.set("watermark", date(watermark)),
                    Updates.set("lastFullScan", date(lastFullScan))))
            .getMatchedCount()
        > 0;
  }

  private static UpdateOptions upsert() {
    return new UpdateOptions().upsert(true);
  }

  private static Document toDocument(StoredConnection c) {
    PropertyMapping m = c.mapping();
    Document mapping =
        new Document("title", m.title())
            .append("date", m.date())
            .append("project", m.project())
            .append("flowScore", m.flowScore())
            .append("checklist", m.checklist())
            .append("synced", m.synced())
            .append("entryUrl", m.entryUrl())
            .append("syncedAt", m.syncedAt());
    return new Document("_id", c.userId())
        .append("encryptedToken", c.encryptedToken())
        .append("tokenMask", c.tokenMask())
        .append("databaseId", c.databaseId())
        .append("dataSourceId", c.dataSourceId())
        .append("baseUrl", c.baseUrl())
        .append("botUserId", c.botUserId())
        .append("mapping", mapping)
        .append("entryUrlType", c.entryUrlType())
        .append("watermark", date(c.watermark()))
        .append("lastFullScan", date(c.lastFullScan()))
        .append("updatedAt", date(c.updatedAt()));
  }

  private static StoredConnection fromDocument(Document d) {
    Document m = d.get("mapping", Document.class);
    PropertyMapping mapping =
        new PropertyMapping(
            m.getString("title"),
            m.getString("date"),
            m.getString("project"),
            m.getString("flowScore"),
            m.getList("checklist", String.class),
            m.getString("synced"),
            m.getString("entryUrl"),
            m.getString("syncedAt"));
    return new StoredConnection(
        d.getString("_id"),
        d.getString("encryptedToken"),
        d.getString("tokenMask"),
        d.getString("databaseId"),
        d.getString("dataSourceId"),
        d.getString("baseUrl"),
        d.getString("botUserId"),
        mapping,
        d.getString("entryUrlType"),
        instant(d.getDate("watermark")),
        instant(d.getDate("lastFullScan")),
        instant(d.getDate("updatedAt")));
  }

  static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
