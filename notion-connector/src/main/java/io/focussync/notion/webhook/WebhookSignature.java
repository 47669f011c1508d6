package io.focussync.notion.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Notion's {@code X-Notion-Signature}: {@code sha256=} + hex HMAC-SHA256 of the raw request body,
 * keyed with the subscription's verification token.
 */
public final class WebhookSignature {

  private static final String PREFIX = "sha256=";

  private WebhookSignature() {}

  /** The header value Notion sends for a body. */
  public static String sign(String verificationToken, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(verificationToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the header is the body's signature under the token (constant-time comparison). */
  public static boolean matches(String verificationToken, byte[] body, String header) {
    if (header == null || verificationToken == null) {
      return false;
    }
    byte[] expected = sign(verificationToken, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = header.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }
}
