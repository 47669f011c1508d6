package io.focussync.gateway.user.core;

/**
 * Who sent a request, as the bearer check established it: a user with one of their tokens, or the
 * administrator (no user, no token).
 */
public record Caller(String userId, String tokenHash, String tokenId, boolean admin) {

  /** The request attribute the bearer check stores the caller under. */
  public static final String ATTRIBUTE = Caller.class.getName();

  /** The administrator, authenticated with the bootstrap token. */
  public static Caller administrator() {
    return new Caller(null, null, null, true);
  }

  /** A user, authenticated with one of their tokens. */
  public static Caller user(StoredToken token) {
    return new Caller(token.userId(), token.hash(), token.tokenId(), false);
  }

  /** The key under which this caller's requests are counted for rate limiting. */
  public String rateKey() {
    return admin ? "admin" : "token:" + tokenHash;
  }
}
