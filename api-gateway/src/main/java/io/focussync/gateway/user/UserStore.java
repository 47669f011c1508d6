package io.focussync.gateway.user;

import io.focussync.gateway.user.core.StoredToken;
import io.focussync.gateway.user.core.User;
import java.util.List;
import java.util.Optional;

/** Where users and the hashes of their tokens are kept. */
public interface UserStore {

  void saveUser(User user);

  Optional<User> findUser(String userId);

  void saveToken(StoredToken token);

  Optional<StoredToken> findTokenByHash(String hash);

  List<StoredToken> tokensOf(String userId);

  /** Removes a token by its hash; true if there was one. */
  boolean deleteTokenByHash(String hash);

  /** Removes one of a user's tokens by its public id; false if the user has no such token. */
  boolean deleteToken(String userId, String tokenId);
}
