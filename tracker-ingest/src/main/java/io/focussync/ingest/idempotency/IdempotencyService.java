package io.focussync.ingest.idempotency;

import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Idempotency-Key semantics: the first request with a key runs and its successful answer is kept;
 * the same key with the same request gets that answer again without running again; with another
 * request it gets a 422. A failed run (e.g. Kafka down) keeps nothing, so a retry runs afresh.
 */
@Service
public class IdempotencyService {

  public static final String HEADER = "Idempotency-Key";
  private static final Logger log = LoggerFactory.getLogger(IdempotencyService.class);
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final IdempotencyStore store;
  private final IdempotencyProperties properties;
  private final Clock clock;

  IdempotencyService(IdempotencyStore store, IdempotencyProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  /** Checks a key's form (printable ASCII, at most 255 characters); null means no key. */
  public static void checkKey(String key) {
    if (key != null && !KEY.matcher(key).matches()) {
      throw InvalidInputException.of(HEADER, "must be 1 to 255 printable ASCII characters");
    }
  }

  /**
   * The request's fingerprint when it has an Idempotency-Key; null without one (it is not used).
   */
  public static String fingerprintIfKeyed(String key, String method, String path, byte[] body) {
    return key == null ? null : fingerprint(method, path, body);
  }

  /** A fingerprint of a request: what must be equal for a key to be used again. */
  public static String fingerprint(String method, String path, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the action once per user and key; see the class comment. */
  public Outcome execute(
      String userId, String key, String fingerprint, Supplier<StoredResponse> action) {
    if (key == null) {
      return new Outcome(action.get(), false);
    }
    checkKey(key);
    for (int attempt = 0; attempt < 5; attempt++) {
      Instant now = clock.instant();
      IdempotencyRecord pending =
          new IdempotencyRecord(
              userId,
              key,
              fingerprint,
              UUID.randomUUID().toString(),
              now.plus(properties.lock()),
              null,
              now.plus(properties.retention()));
      Optional<IdempotencyRecord> existing = store.find(userId, key);
      if (existing.isEmpty()) {
        if (store.insertPending(pending)) {
          return run(pending, action);
        }
        continue;
      }
      IdempotencyRecord record = existing.get();
      if (!record.expiresAt().isAfter(now)) {
        store.remove(record);
        continue;
      }
      if (!record.fingerprint().equals(fingerprint)) {
        throw new InvalidInputException(
            422,
            List.of(
                new FieldProblem(HEADER, "was already used with another request; use a new key")));
      }
      if (record.isCompleted()) {
        return new Outcome(record.response(), true);
      }
      if (record.lockedUntil().isAfter(now)) {
        throw new InvalidInputException(
            409,
            List.of(
                new FieldProblem(
                    HEADER, "a request with this key is still in progress; retry later")));
      }
      if (store.takeOver(record, pending)) {
        return run(pending, action);
      }
    }
    throw new InvalidInputException(
        409, List.of(new FieldProblem(HEADER, "is contended by concurrent requests; retry")));
  }

  private Outcome run(IdempotencyRecord pending, Supplier<StoredResponse> action) {
    StoredResponse response;
    try {
      response = action.get();
    } catch (RuntimeException e) {
      releaseQuietly(pending);
      throw e;
    }
    if (response.status() >= 200 && response.status() < 300) {
      try {
        store.complete(pending, response);
      } catch (RuntimeException e) {
        // The events are published: the answer stands. A retry after the lock runs again, which
        // publishes the same session ids again (a harmless replacement).
        log.warn("could not store the answer of an idempotent request: {}", e.toString());
      }
    } else {
      releaseQuietly(pending);
    }
    return new Outcome(response, false);
  }

  private void releaseQuietly(IdempotencyRecord pending) {
    try {
      store.remove(pending);
    } catch (RuntimeException e) {
      log.warn("could not release an idempotency key: {}", e.toString());
    }
  }

  /** The answer and whether it is a replay of a kept one. */
  public record Outcome(StoredResponse response, boolean replayed) {}
}
