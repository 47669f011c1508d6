package io.focussync.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private final SecretCipher cipher = new SecretCipher("a-secret-key-of-some-length");

  @Test
  void decryptsWhatItEncryptedAndNeverStoresThePlaintext() {
    String stored = cipher.encrypt("clockify-api-key-1234");

    assertThat(stored).doesNotContain("clockify-api-key");
    assertThat(cipher.decrypt(stored)).isEqualTo("clockify-api-key-1234");
  }

  @Test
  void theSameSecretEncryptsDifferentlyEachTime() {
    assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
  }

  @Test
  void aTamperedValueOrAnotherKeyFails() {
    byte[] stored = Base64.getDecoder().decode(cipher.encrypt("secret"));
    stored[stored.length - 1] ^= 1;
    String tampered = Base64.getEncoder().encodeToString(stored);

    assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SecretCipher("another-key-entirely").decrypt(cipher.encrypt("x")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void masksShowOnlyTheLastFourCharacters() {
    assertThat(SecretCipher.mask("abcdefgh1234")).isEqualTo("…1234");
    assertThat(SecretCipher.mask("abc")).isEqualTo("…");
  }
}
