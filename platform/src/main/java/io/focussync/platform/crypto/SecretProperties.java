package io.focussync.platform.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that encrypts secrets at rest.
 *
 * @param key from {@code FOCUSSYNC_SECRET_KEY}, never from a file in the repository
 */
@ConfigurationProperties("focussync.secrets")
public record SecretProperties(String key) {

  @Override
  public String toString() {
    return "SecretProperties[key=…]";
  }
}
