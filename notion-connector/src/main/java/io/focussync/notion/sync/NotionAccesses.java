package io.focussync.notion.sync;

import io.focussync.notion.client.NotionAccess;
import io.focussync.notion.store.StoredConnection;
import io.focussync.platform.crypto.SecretCipher;
import org.springframework.stereotype.Component;

/** Opens a stored connection's encrypted token for a call to Notion. */
@Component
public class NotionAccesses {

  private final SecretCipher cipher;

  public NotionAccesses(SecretCipher cipher) {
    this.cipher = cipher;
  }

  public NotionAccess of(StoredConnection connection) {
    return new NotionAccess(
        connection.baseUrl(),
        cipher.decrypt(
            connection.encryptedToken(), StoredConnection.tokenScope(connection.userId())));
  }
}
