package io.focussync.clockify.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import io.focussync.clockify.connection.Connection;
import io.focussync.clockify.connection.ConnectionStore;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Connections in the {@code connections} collection; the API key only encrypted. */
@Repository
public class MongoConnectionStore implements ConnectionStore {

  private final MongoCollection<Document> connections;

  public MongoConnectionStore(MongoTemplate mongo) {
    this.connections = mongo.getCollection("connections");
  }

  @Override
  public Optional<Connection> find(String userId) {
    Document doc = connections.find(eq("_id", userId)).first();
    if (doc == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Connection(
            userId,
            doc.getString("workspaceId"),
            doc.getString("baseUrl"),
            Boolean.TRUE.equals(doc.getBoolean("dryRun")),
            doc.getString("apiKeyEncrypted"),
            doc.getString("apiKeyMasked"),
            doc.getString("clockifyUserId"),
            doc.getString("timeZone"),
            doc.getString("markerTagId"),
            doc.getDate("updatedAt") == null ? null : doc.getDate("updatedAt").toInstant(),
            doc.getString("attention")));
  }

  @Override
  public void save(Connection connection) {
    Document doc =
        new Document("_id", connection.userId())
            .append("workspaceId", connection.workspaceId())
            .append("baseUrl", connection.baseUrl())
            .append("dryRun", connection.dryRun())
            .append("apiKeyEncrypted", connection.encryptedApiKey())
            .append("apiKeyMasked", connection.maskedApiKey())
            .append("clockifyUserId", connection.clockifyUserId())
            .append("timeZone", connection.timeZone())
            .append("markerTagId", connection.markerTagId())
            .append(
                "updatedAt",
                connection.updatedAt() == null ? null : Date.from(connection.updatedAt()))
            .append("attention", connection.attention());
    connections.replaceOne(eq("_id", connection.userId()), doc, new ReplaceOptions().upsert(true));
  }

  @Override
  public boolean delete(String userId) {
    return connections.deleteOne(eq("_id", userId)).getDeletedCount() > 0;
  }

  @Override
  public void markNeedsAttention(String userId, String encryptedApiKey, String reason) {
    connections.updateOne(
        new Document("_id", userId).append("apiKeyEncrypted", encryptedApiKey),
        new Document("$set", new Document("attention", reason)));
  }

  @Override
  public void saveMarkerTag(String userId, String tagId) {
    connections.updateOne(
        eq("_id", userId), new Document("$set", new Document("markerTagId", tagId)));
  }
}
