package io.focussync.ingest.idempotency;

/** The answer to a request as it is given again for a repeated Idempotency-Key: status and JSON. */
public record StoredResponse(int status, String body) {}
