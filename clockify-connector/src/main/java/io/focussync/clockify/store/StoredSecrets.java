package io.focussync.clockify.store;

import io.focussync.clockify.connection.Connection;
import io.focussync.platform.crypto.SecretField;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The secrets this service stores: re-encrypted under a new key at start (platform). */
@Configuration(proxyBeanMethods = false)
class StoredSecrets {

  @Bean
  SecretField clockifyApiKeys(MongoTemplate mongo) {
    return new SecretField(
        mongo.getCollection("connections"), "apiKeyEncrypted", Connection.API_KEY_SECRET);
  }
}
