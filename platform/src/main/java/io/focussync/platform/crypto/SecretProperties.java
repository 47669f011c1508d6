package io.focussync.platform.crypto;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that encrypt secrets at rest.
 *
 * @param key from {@code FOCUSSYNC_SECRET_KEY}, never from a file in the repository: new values are
 *     encrypted under it
 * @param previousKeys from {@code FOCUSSYNC_SECRET_KEYS_PREVIOUS} (comma-separated): values under
 *     them still decrypt, and are re-encrypted under {@code key} at start
 */
@ConfigurationProperties("focussync.secrets")
public record SecretProperties(String key, List<String> previousKeys) {

  public SecretProperties {
    previousKeys =
        previousKeys == null
            ? List.of()
            : previousKeys.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
  }

  @Override
  public String toString() {
    return "SecretProperties[key=…, previousKeys=" + previousKeys.size() + "]";
  }
}
