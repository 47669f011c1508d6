package io.focussync.gateway.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import io.focussync.gateway.user.UserStore;
import io.focussync.gateway.user.core.StoredToken;
import io.focussync.gateway.user.core.User;
import io.focussync.platform.web.ServiceUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Users and token hashes in MongoDB: {@code users} by id, {@code tokens} by hash (so that checking
 * a bearer token is one lookup by {@code _id}). A token's text is never stored.
 */
@Repository
class MongoUserStore implements UserStore {

  private final MongoCollection<Document> users;
  private final MongoCollection<Document> tokens;

  MongoUserStore(MongoTemplate template) {
    this.users = template.getCollection("users");
    this.tokens = template.getCollection("tokens");
    tokens.createIndex(Indexes.ascending("userId"));
    tokens.createIndex(Indexes.ascending("tokenId"), new IndexOptions().unique(true));
  }

  @Override
  public void saveUser(User user) {
    Document document =
        new Document("_id", user.id())
            .append("name", user.name())
            .append("createdAt", Date.from(user.createdAt()));
    guard(
        () ->
            users.replaceOne(
                Filters.eq("_id", user.id()), document, new ReplaceOptions().upsert(true)));
  }

  @Override
  public Optional<User> findUser(String userId) {
    Document document = guard(() -> users.find(Filters.eq("_id", userId)).first());
    return Optional.ofNullable(document)
        .map(
            d ->
                new User(
                    d.getString("_id"), d.getString("name"), d.getDate("createdAt").toInstant()));
  }

  @Override
  public void saveToken(StoredToken token) {
    Document document =
        new Document("_id", token.hash())
            .append("tokenId", token.tokenId())
            .append("userId", token.userId())
            .append("createdAt", Date.from(token.createdAt()));
    guard(() -> tokens.insertOne(document));
  }

  @Override
  public Optional<StoredToken> findTokenByHash(String hash) {
    return Optional.ofNullable(guard(() -> tokens.find(Filters.eq("_id", hash)).first()))
        .map(MongoUserStore::token);
  }

  @Override
  public List<StoredToken> tokensOf(String userId) {
    List<StoredToken> found = new ArrayList<>();
    return guard(
        () -> {
          tokens
              .find(Filters.eq("userId", userId))
              .sort(new Document("createdAt", 1))
              .forEach(d -> found.add(token(d)));
          return found;
        });
  }

  @Override
  public boolean deleteTokenByHash(String hash) {
    return guard(() -> tokens.deleteOne(Filters.eq("_id", hash)).getDeletedCount() > 0);
  }

  @Override
  public boolean deleteToken(String userId, String tokenId) {
    return guard(
        () ->
            tokens
                    .deleteOne(
                        Filters.and(Filters.eq("tokenId", tokenId), Filters.eq("userId", userId)))
                    .getDeletedCount()
                > 0);
  }

  /** A store that cannot be reached is a 503 with Retry-After, not a 500. */
  private static <T> T guard(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (MongoException e) {
      throw new ServiceUnavailableException(
          "The user store is unavailable; try again shortly.", Duration.ofSeconds(5), e);
    }
  }

  private static StoredToken token(Document d) {
    return new StoredToken(
        d.getString("_id"),
        d.getString("tokenId"),
        d.getString("userId"),
        d.getDate("createdAt").toInstant());
  }
}
