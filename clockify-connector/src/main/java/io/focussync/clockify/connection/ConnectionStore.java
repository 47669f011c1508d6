package io.focussync.clockify.connection;

import java.util.Optional;

/** Where connections are kept: one per user. */
public interface ConnectionStore {

  Optional<Connection> find(String userId);

  void save(Connection connection);

  /** Removes the user's connection; false when there was none. */
  boolean delete(String userId);

  /**
   * Marks the connection as needing its user, if it still has this (encrypted) key: a key saved
   * meanwhile is not affected.
   */
  void markNeedsAttention(String userId, String encryptedApiKey, String reason);

  /** Records the marker tag's id on the user's connection. */
  void saveMarkerTag(String userId, String tagId);
}
