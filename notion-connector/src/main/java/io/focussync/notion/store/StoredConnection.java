package io.focussync.notion.store;

import io.focussync.notion.mapping.PropertyMapping;
import io.focussync.platform.crypto.SecretScope;
import java.time.Instant;

/**
 * A user's Notion connection as stored: the token only encrypted.
 *
 * @param entryUrlType {@code url} or {@code rich_text}: how the entry link is written back
 * @param watermark the newest {@code last_edited_time} of a complete poll, null before the first
 * @param lastFullScan when the last unfiltered poll (which finds trashed pages) completed
 */
public record StoredConnection(
    String userId,
    String encryptedToken,
    String tokenMask,
    String databaseId,
    String dataSourceId,
    String baseUrl,
    String botUserId,
    PropertyMapping mapping,
    String entryUrlType,
    Instant watermark,
    Instant lastFullScan,
    Instant updatedAt) {

  /** What the stored integration token is, as the scope its ciphertext is bound to. */
  public static final String TOKEN_SECRET = "notion.token";

  /** The scope of a user's stored integration token. */
  public static SecretScope tokenScope(String userId) {
    return new SecretScope(TOKEN_SECRET, userId);
  }

  @Override
  public String toString() {
    return "StoredConnection[userId=" + userId + ", dataSourceId=" + dataSourceId + "]";
  }
}
