package io.focussync.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private static final String KEY = "a-secret-key-of-some-length";
  private static final SecretScope ADA_KEY = new SecretScope("clockify.apiKey", "ada");

  private final SecretCipher cipher = new SecretCipher(KEY);

  @Test
  void decryptsWhatItEncryptedAndNeverStoresThePlaintext() {
    String stored = cipher.encrypt("clockify-api-key-1234", ADA_KEY);

    assertThat(stored)
        .doesNotContain("clockify-api-key")
        .startsWith("fs2." + cipher.currentKeyId());
    assertThat(cipher.decrypt(stored, ADA_KEY)).isEqualTo("clockify-api-key-1234");
    assertThat(cipher.isCurrent(stored)).isTrue();
  }

  @Test
  void theSameSecretEncryptsDifferentlyEachTime() {
    assertThat(cipher.encrypt("same", ADA_KEY)).isNotEqualTo(cipher.encrypt("same", ADA_KEY));
  }

  @Test
  void aValueIsBoundToItsUserAndField() {
    String stored = cipher.encrypt("secret", ADA_KEY);

    assertThatThrownBy(() -> cipher.decrypt(stored, new SecretScope("clockify.apiKey", "bob")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt(stored, new SecretScope("notion.token", "ada")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTamperedValueOrAnotherKeyFails() {
    String stored = cipher.encrypt("secret", ADA_KEY);
    String[] parts = stored.split("\\.");
    byte[] body = Base64.getUrlDecoder().decode(parts[2]);
    body[body.length - 1] ^= 1;
    String tampered =
        parts[0]
            + "."
            + parts[1]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(body);

    assertThatThrownBy(() -> cipher.decrypt(tampered, ADA_KEY))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SecretCipher("another-key-entirely").decrypt(stored, ADA_KEY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FOCUSSYNC_SECRET_KEYS_PREVIOUS");
  }

  @Test
  void afterARotationValuesUnderThePreviousKeyStillDecryptAndAreReencryptedUnderTheNewOne() {
    String underOld = cipher.encrypt("secret", ADA_KEY);
    SecretCipher rotated = new SecretCipher("the-new-key-of-some-length", List.of(KEY));

    assertThat(rotated.currentKeyId()).isNotEqualTo(cipher.currentKeyId());
    assertThat(rotated.isCurrent(underOld)).isFalse();
    assertThat(rotated.decrypt(underOld, ADA_KEY)).isEqualTo("secret");
    String fresh = rotated.reencrypt(underOld, ADA_KEY).orElseThrow();
    assertThat(rotated.isCurrent(fresh)).isTrue();
    assertThat(rotated.reencrypt(fresh, ADA_KEY)).isEmpty();
    assertThatThrownBy(() -> cipher.decrypt(fresh, ADA_KEY))
        .as("the old key alone cannot read the new value")
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void valuesOfTheFirstFormatStillDecryptAndAreNotCurrent() throws Exception {
    String firstFormat = firstFormat(KEY, "legacy-secret");

    assertThat(cipher.decrypt(firstFormat, ADA_KEY)).isEqualTo("legacy-secret");
    assertThat(cipher.isCurrent(firstFormat)).isFalse();
    assertThat(cipher.decrypt(cipher.reencrypt(firstFormat, ADA_KEY).orElseThrow(), ADA_KEY))
        .isEqualTo("legacy-secret");
  }

  @Test
  void hkdfMatchesRfc5869TestCase1() {
    HexFormat hex = HexFormat.of();
    byte[] okm =
        Hkdf.derive(
            hex.parseHex("000102030405060708090a0b0c"),
            hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
            hex.parseHex("f0f1f2f3f4f5f6f7f8f9"),
            42);

    assertThat(hex.formatHex(okm))
        .isEqualTo(
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }

  @Test
  void masksShowOnlyTheLastFourCharacters() {
    assertThat(SecretCipher.mask("abcdefgh1234")).isEqualTo("…1234");
    assertThat(SecretCipher.mask("abc")).isEqualTo("…");
  }

  /** A value as the first format stored it: SHA-256 of the key text, no associated data. */
  static String firstFormat(String key, String plaintext) throws Exception {
    SecretKeySpec aes =
        new SecretKeySpec(
            MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)),
            "AES");
    byte[] nonce = new byte[12];
    nonce[0] = 7;
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, nonce));
    byte[] sealed = gcm.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder()
        .encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
  }
}
