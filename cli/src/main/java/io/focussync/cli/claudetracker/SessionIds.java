package io.focussync.cli.claudetracker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Session ids for claude-tracker rows. The API's id charset has no {@code /}, so a transcript path
 * cannot be the id itself: the id is {@code ct-} + base64url (no padding) of the SHA-256 of the
 * path's UTF-8 bytes, 46 characters. The same transcript always gets the same id, so re-imports and
 * grown sessions replace the session instead of adding one.
 */
public final class SessionIds {

  private SessionIds() {}

  /** The id of the session recorded from this transcript. */
  public static String of(String sourcePath) {
    return "ct-" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(sourcePath));
  }

  /** SHA-256 of the text's UTF-8 bytes. */
  public static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** SHA-256 of the bytes. */
  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** SHA-256 of the text, as 64 lowercase hex digits. */
  public static String sha256Hex(String text) {
    StringBuilder hex = new StringBuilder(64);
    for (byte b : sha256(text)) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }
}
