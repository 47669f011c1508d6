package io.focussync.platform.crypto;

import java.nio.charset.StandardCharsets;

/**
 * Whose secret a stored value is, and which field holds it: bound to the ciphertext as AES-GCM
 * associated data, so a value copied to another user or field does not decrypt.
 *
 * @param field what the secret is, e.g. {@code clockify.apiKey}
 * @param owner the user it belongs to
 */
public record SecretScope(String field, String owner) {

  public SecretScope {
    if (field == null || field.isBlank() || owner == null || owner.isBlank()) {
      throw new IllegalArgumentException("a secret's scope needs a field and an owner");
    }
  }

  byte[] associatedData() {
    return ("focussync/" + field + "/" + owner).getBytes(StandardCharsets.UTF_8);
  }
}
