package io.focussync.notion.store;

import io.focussync.platform.crypto.SecretField;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The secrets this service stores: re-encrypted under a new key at start (platform). */
@Configuration(proxyBeanMethods = false)
class StoredSecrets {

  @Bean
  SecretField notionTokens(MongoTemplate mongo) {
    return new SecretField(
        mongo.getCollection("connections"), "encryptedToken", StoredConnection.TOKEN_SECRET);
  }

  @Bean
  SecretField webhookTokens(MongoTemplate mongo) {
    return new SecretField(
        mongo.getCollection("webhooks"), "encryptedToken", StoredWebhook.TOKEN_SECRET);
  }

  @Bean
  SecretField webhookVerificationTokens(MongoTemplate mongo) {
    return new SecretField(
        mongo.getCollection("webhooks"),
        "encryptedVerificationToken",
        StoredWebhook.VERIFICATION_TOKEN_SECRET);
  }
}
