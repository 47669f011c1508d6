package io.focussync.gateway.user.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Personal access tokens: 256 random bits shown once, and the SHA-256 hash that is all the store
 * ever keeps of them.
 */
public final class AccessTokens {

  /** What every token starts with, so that secret scanners and people can recognise one. */
  public static final String PREFIX = "fs_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private AccessTokens() {}

  /** A fresh token: {@code fs_} and 32 random bytes, Base64url without padding. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A random public identifier (for token and user ids): 16 random bytes in hex. */
  public static String randomId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The SHA-256 of a token's text, in hex: the only form in which a token is stored. */
  public static String hash(String token) {
    return HexFormat.of().formatHex(digest(token));
  }

  /** Whether a presented token equals an expected one, in time independent of where they differ. */
  public static boolean matches(String presented, String expected) {
    if (presented == null || expected == null || expected.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(digest(presented), digest(expected));
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
