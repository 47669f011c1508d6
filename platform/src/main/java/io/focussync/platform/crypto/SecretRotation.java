package io.focussync.platform.crypto;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts under the current key every stored secret that is under a previous key or in the
 * first format: run by every service at start, so a key rotation completes by itself. Each value is
 * replaced only if it is still the one read (a concurrent save wins).
 */
public final class SecretRotation {

  private static final Logger log = LoggerFactory.getLogger(SecretRotation.class);

  private final SecretCipher cipher;
  private final List<SecretField> fields;

  public SecretRotation(SecretCipher cipher, List<SecretField> fields) {
    this.cipher = cipher;
    this.fields = List.copyOf(fields);
  }

  /** Re-encrypts what is not under the current key; the number of values re-encrypted. */
  public int run() {
    int total = 0;
    for (SecretField field : fields) {
      total += rotate(field);
    }
    if (total > 0) {
      log.info("re-encrypted {} stored secret(s) under key {}", total, cipher.currentKeyId());
    }
    return total;
  }

  private int rotate(SecretField secrets) {
    int done = 0;
    for (Document doc :
        secrets
            .collection()
            .find(Filters.type(secrets.field(), "string"))
            .projection(Projections.include(secrets.field()))) {
      String stored = doc.getString(secrets.field());
      Object owner = doc.get("_id");
      if (cipher.isCurrent(stored) || !(owner instanceof String user)) {
        continue;
      }
      Optional<String> fresh = cipher.reencrypt(stored, new SecretScope(secrets.scope(), user));
      if (fresh.isPresent()
          && secrets
                  .collection()
                  .updateOne(
                      Filters.and(Filters.eq("_id", user), Filters.eq(secrets.field(), stored)),
                      Updates.set(secrets.field(), fresh.get()))
                  .getModifiedCount()
              > 0) {
        done++;
      }
    }
    return done;
  }
}
