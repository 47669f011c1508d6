package io.focussync.gateway.user;

import io.focussync.gateway.user.core.AccessTokens;
import io.focussync.gateway.user.core.StoredToken;
import io.focussync.gateway.user.core.User;
import io.focussync.gateway.user.core.UserNames;
import io.focussync.platform.web.InvalidInputException;
import io.focussync.platform.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Creates users, issues and revokes their tokens, and recognises a presented token. */
@Service
public class UserService {

  private final UserStore store;
  private final Clock clock;

  public UserService(UserStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A new user with a first token, whose text is returned this once. */
  public IssuedToken createUser(String name) {
    UserNames.problemWith(name)
        .ifPresent(
            problem -> {
              throw InvalidInputException.of("name", problem);
            });
    User user = new User(AccessTokens.randomId(), name.strip(), clock.instant());
    store.saveUser(user);
    return issue(user);
  }

  /** Another token for an existing user. */
  public IssuedToken issueToken(String userId) {
    User user = findUser(userId);
    return issue(user);
  }

  /** A user by id, or a 404. */
  public User findUser(String userId) {
    return store.findUser(userId).orElseThrow(() -> new NotFoundException("No such user."));
  }

  /** The stored token a presented bearer token stands for, if it is valid and not revoked. */
  public Optional<StoredToken> authenticate(String token) {
    if (token == null || !token.startsWith(AccessTokens.PREFIX)) {
      return Optional.empty();
    }
    return store.findTokenByHash(AccessTokens.hash(token));
  }

  /** A user's tokens (never their text). */
  public List<StoredToken> tokensOf(String userId) {
    return store.tokensOf(userId);
  }

  /** Revokes the token with this hash at once. */
  public void revokeByHash(String hash) {
    store.deleteTokenByHash(hash);
  }

  /** Revokes one of the user's own tokens; someone else's token is a 404. */
  public void revoke(String userId, String tokenId) {
    if (!store.deleteToken(userId, tokenId)) {
      throw new NotFoundException("No such token.");
    }
  }

  private IssuedToken issue(User user) {
    String token = AccessTokens.generate();
    StoredToken stored =
        new StoredToken(
            AccessTokens.hash(token), AccessTokens.randomId(), user.id(), clock.instant());
    store.saveToken(stored);
    return new IssuedToken(user, stored, token);
  }

  /** A token just issued: its text exists only in this answer. */
  public record IssuedToken(User user, StoredToken stored, String token) {}
}
