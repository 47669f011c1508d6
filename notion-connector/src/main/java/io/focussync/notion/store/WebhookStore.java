package io.focussync.notion.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The connections' webhooks, one per user ({@code webhooks}, {@code _id} = user id, unique index on
 * {@code tokenHash}). Every change of state is one conditional update of one document, so two
 * requests racing for the same step cannot both take it.
 */
@Component
public class WebhookStore {

  private static final String STATUS = "status";

  private final MongoCollection<Document> webhooks;

  public WebhookStore(MongoTemplate mongo) {
    this.webhooks = mongo.getCollection("webhooks");
    this.webhooks.createIndex(Indexes.ascending("tokenHash"), new IndexOptions().unique(true));
  }

  public Optional<StoredWebhook> find(String userId) {
    return Optional.ofNullable(webhooks.find(Filters.eq("_id", userId)).first())
        .map(WebhookStore::fromDocument);
  }

  public Optional<StoredWebhook> findByTokenHash(String tokenHash) {
    return Optional.ofNullable(webhooks.find(Filters.eq("tokenHash", tokenHash)).first())
        .map(WebhookStore::fromDocument);
  }

  /** Stores {@code fresh} unless the user already has a webhook; returns the one stored. */
  public StoredWebhook createIfAbsent(StoredWebhook fresh) {
    Optional<StoredWebhook> existing = find(fresh.userId());
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      webhooks.insertOne(toDocument(fresh));
      return fresh;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      return find(fresh.userId()).orElseThrow(() -> e);
    }
  }

  /**
   * Records Notion's handshake: only for the webhook of that token hash, and only while it awaits
   * one. True if this call recorded it.
   */
  public boolean recordHandshake(
      String userId, String tokenHash, String encryptedVerificationToken, Instant at) {
    return webhooks
            .updateOne(
                Filters.and(
                    Filters.eq("_id", userId),
                    Filters.eq("tokenHash", tokenHash),
                    Filters.eq(STATUS, StoredWebhook.Status.AWAITING_HANDSHAKE.name())),
                Updates.combine(
                    Updates.set(STATUS, StoredWebhook.Status.VERIFICATION_TOKEN_READY.name()),
                    Updates.set("encryptedVerificationToken", encryptedVerificationToken),
                    Updates.set("handshakeAt", ConnectionStore.date(at))))
            .getMatchedCount()
        > 0;
  }

  /**
   * Turns a webhook whose verification token is ready into an active one and returns it as it was
   * before: present only for the one caller whose update won, which may then show the token.
   */
  public Optional<StoredWebhook> takeReveal(String userId, Instant at) {
    Document before =
        webhooks.findOneAndUpdate(
            Filters.and(
                Filters.eq("_id", userId),
                Filters.eq(STATUS, StoredWebhook.Status.VERIFICATION_TOKEN_READY.name())),
            Updates.combine(
                Updates.set(STATUS, StoredWebhook.Status.ACTIVE.name()),
                Updates.set("revealedAt", ConnectionStore.date(at))),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
    return Optional.ofNullable(before).map(WebhookStore::fromDocument);
  }

  /** Forgets the user's webhook (its URL stops working). */
  public void delete(String userId) {
    webhooks.deleteOne(Filters.eq("_id", userId));
  }

  private static Document toDocument(StoredWebhook w) {
    return new Document("_id", w.userId())
        .append("tokenHash", w.tokenHash())
        .append("encryptedToken", w.encryptedToken())
        .append(STATUS, w.status().name())
        .append("encryptedVerificationToken", w.encryptedVerificationToken())
        .append("createdAt", ConnectionStore.date(w.createdAt()))
        .append("handshakeAt", ConnectionStore.date(w.handshakeAt()))
        .append("revealedAt", ConnectionStore.date(w.revealedAt()));
  }

  private static StoredWebhook fromDocument(Document d) {
    return new StoredWebhook(
        d.getString("_id"),
        d.getString("tokenHash"),
        d.getString("encryptedToken"),
        StoredWebhook.Status.valueOf(d.getString(STATUS)),
        d.getString("encryptedVerificationToken"),
        ConnectionStore.instant(d.getDate("createdAt")),
        ConnectionStore.instant(d.getDate("handshakeAt")),
        ConnectionStore.instant(d.getDate("revealedAt")));
  }
}
