package io.focussync.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets (API keys, integration tokens) for storage with AES-256-GCM under the key from
 * {@code FOCUSSYNC_SECRET_KEY}; each value gets a fresh 96-bit nonce, stored in front of it.
 */
public final class SecretCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /** A cipher under a key derived (SHA-256) from the configured secret text. */
  public SecretCipher(String secretKey) {
    if (secretKey == null || secretKey.length() < 16) {
      throw new IllegalArgumentException(
          "the secret key (FOCUSSYNC_SECRET_KEY) must have at least 16 characters");
    }
    try {
      byte[] material =
          MessageDigest.getInstance("SHA-256").digest(secretKey.getBytes(StandardCharsets.UTF_8));
      this.key = new SecretKeySpec(material, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The secret, encrypted and Base64-encoded. */
  public String encrypt(String plaintext) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  /** The plaintext of a value from {@link #encrypt}; fails if it was tampered with. */
  public String decrypt(String encrypted) {
    try {
      byte[] bytes = Base64.getDecoder().decode(encrypted);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("a stored secret could not be decrypted", e);
    }
  }

  /** How a secret is shown to people: only its last four characters. */
  public static String mask(String secret) {
    if (secret == null || secret.length() <= 4) {
      return "…";
    }
    return "…" + secret.substring(secret.length() - 4);
  }
}
