package io.focussync.ingest.idempotency;

import java.util.Optional;

/**
 * Keeps idempotency records, each change a single-document atomic operation. Throws {@link
 * io.focussync.platform.web.ServiceUnavailableException} when the store is unreachable.
 */
public interface IdempotencyStore {

  Optional<IdempotencyRecord> find(String userId, String key);

  /** Inserts a pending record; false if one exists for the user and key. */
  boolean insertPending(IdempotencyRecord pending);

  /** Replaces an abandoned pending record of another owner; false if it changed meanwhile. */
  boolean takeOver(IdempotencyRecord abandoned, IdempotencyRecord pending);

  /** Stores the answer in the pending record of this owner. */
  void complete(IdempotencyRecord pending, StoredResponse response);

  /** Removes the record if this owner still holds it pending, or if it is the expired record. */
  void remove(IdempotencyRecord record);
}
