package io.focussync.notion.store;

import io.focussync.platform.crypto.SecretScope;
import java.time.Instant;

/**
 * A connection's webhook as stored: its URL token only as a hash (for lookup) and encrypted (to
 * show the URL to its owner), and Notion's verification token, the HMAC key, only encrypted.
 *
 * @param tokenHash hex SHA-256 of the URL token
 * @param encryptedToken the URL token, encrypted with the platform's {@code SecretCipher}
 * @param encryptedVerificationToken null until Notion's handshake arrived
 */
public record StoredWebhook(
    String userId,
    String tokenHash,
    String encryptedToken,
    Status status,
    String encryptedVerificationToken,
    Instant createdAt,
    Instant handshakeAt,
    Instant revealedAt) {

  /** What the webhook URL's token is, as the scope its ciphertext is bound to. */
  public static final String TOKEN_SECRET = "notion.webhookToken";

  /** What Notion's verification token (the signing key) is, as the scope of its ciphertext. */
  public static final String VERIFICATION_TOKEN_SECRET = "notion.webhookVerificationToken";

  /** The scope of a user's webhook URL token. */
  public static SecretScope tokenScope(String userId) {
    return new SecretScope(TOKEN_SECRET, userId);
  }

  /** The scope of a user's webhook verification token. */
  public static SecretScope verificationTokenScope(String userId) {
    return new SecretScope(VERIFICATION_TOKEN_SECRET, userId);
  }

  /** Where a webhook is in Notion's set-up. */
  public enum Status {
    /** Waiting for Notion's handshake: the only state in which one is accepted. */
    AWAITING_HANDSHAKE,
    /** The handshake arrived; its verification token has not been shown to the owner yet. */
    VERIFICATION_TOKEN_READY,
    /** The verification token was shown once; deliveries are checked against it. */
    ACTIVE
  }

  /** A new webhook, waiting for its handshake. */
  public static StoredWebhook awaiting(
      String userId, String tokenHash, String encryptedToken, Instant createdAt) {
    return new StoredWebhook(
        userId, tokenHash, encryptedToken, Status.AWAITING_HANDSHAKE, null, createdAt, null, null);
  }

  @Override
  public String toString() {
    return "StoredWebhook[userId=" + userId + ", status=" + status + "]";
  }
}
