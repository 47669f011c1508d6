package io.focussync.clockify.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.platform.crypto.SecretCipher;
import io.focussync.platform.crypto.SecretField;
import io.focussync.platform.crypto.SecretRotation;
import io.focussync.platform.crypto.SecretScope;
import io.focussync.testsupport.TestInfrastructure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A stored API key of the first format (a SHA-256 key, no scope) is re-encrypted under the current
 * HKDF key, bound to its user, by the rotation every start runs; the connection keeps working.
 */
class SecretRotationTest extends IntegrationTestBase {

  @Autowired private ConnectionStore connections;
  @Autowired private SecretCipher cipher;
  @Autowired private List<SecretField> secretFields;

  @Test
  void aKeyStoredByAnEarlierVersionIsReencryptedAndStillUsed() throws Exception {
    String user = unique("rotation");
    String workspace = connect(user);
    Connection saved = connections.find(user).orElseThrow();
    String firstFormat = firstFormat(TestInfrastructure.SECRET_KEY, "key-" + user);
    connections.save(
        new Connection(
            user,
            saved.workspaceId(),
            saved.baseUrl(),
            false,
            firstFormat,
            saved.maskedApiKey(),
            saved.clockifyUserId(),
            saved.timeZone(),
            saved.markerTagId(),
            saved.updatedAt(),
            null));

    int reencrypted = new SecretRotation(cipher, secretFields).run();

    String stored = connections.find(user).orElseThrow().encryptedApiKey();
    assertThat(reencrypted).isPositive();
    assertThat(stored).isNotEqualTo(firstFormat).startsWith("fs2." + cipher.currentKeyId() + ".");
    assertThat(cipher.decrypt(stored, new SecretScope(Connection.API_KEY_SECRET, user)))
        .isEqualTo("key-" + user);
    assertThat(new SecretRotation(cipher, secretFields).run()).as("nothing left to do").isZero();
    publish(plan(user, 1, entry("project:a", "pa", "09:00", "17:00")));
    awaitSynced(user, 1);
    assertThat(CLOCKIFY.entries(workspace)).hasSize(1);
  }

  /** A value as the first format stored it: SHA-256 of the key text, no associated data. */
  private static String firstFormat(String key, String plaintext) throws Exception {
    SecretKeySpec aes =
        new SecretKeySpec(
            MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)),
            "AES");
    byte[] nonce = new byte[12];
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, nonce));
    byte[] sealed = gcm.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder()
        .encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
  }
}
