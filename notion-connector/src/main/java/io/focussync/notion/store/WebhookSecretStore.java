package io.focussync.notion.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The verification tokens Notion sent in webhook handshakes (encrypted), each the HMAC key of a
 * subscription's later deliveries ({@code webhook_secrets}).
 */
@Component
public class WebhookSecretStore {

  private final MongoCollection<Document> secrets;

  public WebhookSecretStore(MongoTemplate mongo) {
    this.secrets = mongo.getCollection("webhook_secrets");
  }

  /** Stores a token under an id derived from it (so a repeated handshake is one entry). */
  public void save(String id, String encryptedToken, Instant receivedAt) {
    secrets.replaceOne(
        Filters.eq("_id", id),
        new Document("_id", id)
            .append("encryptedToken", encryptedToken)
            .append("receivedAt", ConnectionStore.date(receivedAt)),
        new ReplaceOptions().upsert(true));
  }

  /** Every stored token, encrypted. */
  public List<String> encryptedTokens() {
    List<String> tokens = new ArrayList<>();
    secrets.find().forEach(document -> tokens.add(document.getString("encryptedToken")));
    return tokens;
  }

  /** Whether any token is stored. */
  public boolean isEmpty() {
    return secrets.countDocuments() == 0;
  }

  /** Forgets a token (by its id). */
  public void delete(String id) {
    secrets.deleteOne(Filters.eq("_id", id));
  }
}
