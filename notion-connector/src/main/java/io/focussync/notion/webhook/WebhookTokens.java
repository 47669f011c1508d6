package io.focussync.notion.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret part of a connection's webhook URL: 32 random bytes, base64url without padding (43
 * characters, 256 bits), stored only as its SHA-256 (and encrypted, to show the URL to its owner).
 */
final class WebhookTokens {

  private static final int BYTES = 32;
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookTokens() {}

  /** A new unguessable token. */
  static String newToken() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Whether a path segment can be a token at all (anything else is answered like an unknown one).
   */
  static boolean wellFormed(String candidate) {
    return candidate != null && SHAPE.matcher(candidate).matches();
  }

  /** The lookup key of a token: hex SHA-256. */
  static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
