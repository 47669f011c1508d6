package io.focussync.ingest.session;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Session identity at this service: {@code rest:<id>} for the API, {@code import:<id>} for file
 * imports, where the id is the client's own or one the server makes.
 */
public final class SessionIdentity {

  public static final String REST = "rest";
  public static final String IMPORT = "import";

  /** URL-safe without escaping and without ':' so that a bare id never looks like a full one. */
  private static final Pattern CLIENT_ID =
      Pattern.compile("[A-Za-z0-9._~@+=-]{1," + SessionRules.MAX_ID_LENGTH + "}");

  private SessionIdentity() {}

  /** Whether a client's id has an acceptable form. */
  public static boolean isValidClientId(String id) {
    return id != null && CLIENT_ID.matcher(id).matches();
  }

  /** The full session id of a client's id (or of a full id, left as is) given in a path. */
  public static Optional<String> fromPath(String pathId) {
    if (pathId == null) {
      return Optional.empty();
    }
    for (String source : new String[] {REST, IMPORT}) {
      String prefix = source + ":";
      if (pathId.startsWith(prefix)) {
        String sourceId = pathId.substring(prefix.length());
        return isValidClientId(sourceId) ? Optional.of(pathId) : Optional.empty();
      }
    }
    return isValidClientId(pathId)
        ? Optional.of(io.focussync.contracts.sessions.v1.SessionIds.of(REST, pathId))
        : Optional.empty();
  }

  /** A fresh random id. */
  public static String random() {
    return UUID.randomUUID().toString();
  }

  /**
   * An id derived from a name, the same for the same name: used for a retried request with the same
   * Idempotency-Key, or for a file row without an id, so a retry never duplicates a session.
   */
  public static String derived(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
        .toString()
        .toLowerCase(Locale.ROOT);
  }

  /**
   * The source id a request gives a session sent without one: with an Idempotency-Key it is derived
   * from the key (and the item's place in the request), so a retry after an unknown outcome (a 503
   * whose commit did land) replaces the same session instead of adding one; without a key, random.
   */
  public static Supplier<String> generatedId(String userId, String key, String suffix) {
    return key == null
        ? SessionIdentity::random
        : () -> derived(userId + "\n" + key + "\n" + suffix);
  }
}
