package io.focussync.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the user identity that the gateway hands to the services: the user id and a
 * timestamp, under an HMAC-SHA256 with a key shared through the environment.
 */
public final class InternalIdentity {

  public static final String USER_HEADER = "X-FocusSync-User";
  public static final String TIMESTAMP_HEADER = "X-FocusSync-Timestamp";
  public static final String SIGNATURE_HEADER = "X-FocusSync-Signature";

  private static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private final SecretKeySpec key;
  private final Clock clock;

  public InternalIdentity(String sharedKey, Clock clock) {
    if (sharedKey == null || sharedKey.length() < 16) {
      throw new IllegalArgumentException(
          "the internal auth key (FOCUSSYNC_INTERNAL_AUTH_KEY) must have at least 16 characters");
    }
    this.key = new SecretKeySpec(sharedKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /** The signature of a user id at a time, as the gateway sends it. */
  public SignedIdentity sign(String userId) {
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    return new SignedIdentity(userId, timestamp, hmac(userId, timestamp));
  }

  /** The user id when the signature is valid and fresh, otherwise empty. */
  public Optional<String> verify(String userId, String timestamp, String signature) {
    if (userId == null || userId.isBlank() || timestamp == null || signature == null) {
      return Optional.empty();
    }
    if (!isFresh(timestamp)) {
      return Optional.empty();
    }
    byte[] expected = hmac(userId, timestamp).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Optional.of(userId) : Optional.empty();
  }

  private boolean isFresh(String timestamp) {
    try {
      Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
      return Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private String hmac(String userId, String timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal((userId + "\n" + timestamp).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The three header values that carry a signed identity. */
  public record SignedIdentity(String userId, String timestamp, String signature) {}
}
