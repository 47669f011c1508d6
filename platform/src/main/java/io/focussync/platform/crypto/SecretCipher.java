package io.focussync.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets (API keys, integration tokens) for storage with AES-256-GCM. The key is derived
 * with HKDF-SHA256 from {@code FOCUSSYNC_SECRET_KEY}; each value gets a fresh 96-bit nonce, is
 * bound to its {@link SecretScope} (user and field) as associated data, and carries the id of its
 * key: {@code fs2.<key id>.<base64url(nonce | ciphertext)>}. Values under a previous key (from
 * {@code FOCUSSYNC_SECRET_KEYS_PREVIOUS}) and those of the first format (a bare Base64 value under
 * a SHA-256 key, no scope) still decrypt, until {@link SecretRotation} re-encrypts them.
 */
public final class SecretCipher {

  private static final String FORMAT = "fs2";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] SALT = "focussync secrets v2".getBytes(StandardCharsets.UTF_8);
  private static final byte[] AES_INFO = "focussync aes-256-gcm".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ID_INFO = "focussync key id".getBytes(StandardCharsets.UTF_8);

  private final DerivedKey current;
  private final Map<String, DerivedKey> byId = new LinkedHashMap<>();
  private final List<SecretKeySpec> firstFormatKeys = new ArrayList<>();
  private final SecureRandom random = new SecureRandom();

  /** A cipher under one key. */
  public SecretCipher(String secretKey) {
    this(secretKey, List.of());
  }

  /** A cipher that encrypts under {@code secretKey} and still decrypts under the previous keys. */
  public SecretCipher(String secretKey, List<String> previousKeys) {
    this.current = DerivedKey.of(secretKey);
    List<String> all = new ArrayList<>();
    all.add(secretKey);
    all.addAll(previousKeys);
    for (String text : all) {
      DerivedKey key = DerivedKey.of(text);
      byId.putIfAbsent(key.id, key);
      firstFormatKeys.add(firstFormatKey(text));
    }
  }

  /** The id of the key new values are encrypted under (not secret: a hash of the key). */
  public String currentKeyId() {
    return current.id;
  }

  /** The secret, encrypted under the current key and bound to its scope. */
  public String encrypt(String plaintext, SecretScope scope) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, current.aes, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(scope.associatedData());
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] body =
          ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return FORMAT
          + "."
          + current.id
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  /**
   * The plaintext of a stored value of this scope; fails if it was tampered with, belongs to
   * another user or field, or is under a key this process does not have.
   */
  public String decrypt(String stored, SecretScope scope) {
    try {
      if (stored.startsWith(FORMAT + ".")) {
        String[] parts = stored.split("\\.", 3);
        DerivedKey key = parts.length == 3 ? byId.get(parts[1]) : null;
        if (key == null) {
          throw new IllegalStateException(
              "a stored secret is under a key this process does not have (key id "
                  + (parts.length > 1 ? parts[1] : "?")
                  + "): set it in FOCUSSYNC_SECRET_KEYS_PREVIOUS");
        }
        return open(key.aes, Base64.getUrlDecoder().decode(parts[2]), scope.associatedData());
      }
      return openFirstFormat(Base64.getDecoder().decode(stored));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("a stored secret could not be decrypted", e);
    }
  }

  /** Whether a stored value is in the current format under the current key. */
  public boolean isCurrent(String stored) {
    return stored != null && stored.startsWith(FORMAT + "." + current.id + ".");
  }

  /** The value re-encrypted under the current key, or empty if it already is. */
  public Optional<String> reencrypt(String stored, SecretScope scope) {
    if (isCurrent(stored)) {
      return Optional.empty();
    }
    return Optional.of(encrypt(decrypt(stored, scope), scope));
  }

  private String openFirstFormat(byte[] bytes) throws GeneralSecurityException {
    GeneralSecurityException last = null;
    for (SecretKeySpec key : firstFormatKeys) {
      try {
        return open(key, bytes, null);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }

  private static String open(SecretKeySpec key, byte[] bytes, byte[] associatedData)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
    if (associatedData != null) {
      cipher.updateAAD(associatedData);
    }
    byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
    return new String(plain, StandardCharsets.UTF_8);
  }

  // The first format's key: SHA-256 of the secret text, kept to read values stored before HKDF.
  private static SecretKeySpec firstFormatKey(String secretKey) {
    try {
      byte[] material =
          MessageDigest.getInstance("SHA-256").digest(secretKey.getBytes(StandardCharsets.UTF_8));
      return new SecretKeySpec(material, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How a secret is shown to people: only its last four characters. */
  public static String mask(String secret) {
    if (secret == null || secret.length() <= 4) {
      return "…";
    }
    return "…" + secret.substring(secret.length() - 4);
  }

  /** A key derived from a secret text: the AES key and its public id. */
  private static final class DerivedKey {
    private final SecretKeySpec aes;
    private final String id;

    private DerivedKey(SecretKeySpec aes, String id) {
      this.aes = aes;
      this.id = id;
    }

    static DerivedKey of(String secretKey) {
      if (secretKey == null || secretKey.length() < 16) {
        throw new IllegalArgumentException(
            "a secret key (FOCUSSYNC_SECRET_KEY, FOCUSSYNC_SECRET_KEYS_PREVIOUS) must have at"
                + " least 16 characters");
      }
      byte[] text = secretKey.getBytes(StandardCharsets.UTF_8);
      byte[] prk = Hkdf.extract(SALT, text);
      return new DerivedKey(
          new SecretKeySpec(Hkdf.expand(prk, AES_INFO, 32), "AES"),
          HexFormat.of().formatHex(Hkdf.expand(prk, ID_INFO, 4)));
    }
  }
}
