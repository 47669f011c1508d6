package io.focussync.ingest.idempotency;

import java.time.Instant;

/**
 * What is kept for one user's Idempotency-Key: the request it was first used with (a fingerprint)
 * and, once done, the answer.
 *
 * @param owner a random token of the attempt that holds a pending record
 * @param lockedUntil when a pending record is considered abandoned (its attempt died)
 * @param response null while pending
 */
public record IdempotencyRecord(
    String userId,
    String key,
    String fingerprint,
    String owner,
    Instant lockedUntil,
    StoredResponse response,
    Instant expiresAt) {

  public boolean isCompleted() {
    return response != null;
  }
}
