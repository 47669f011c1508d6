package io.focussync.ingest.store;

import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds how long a request waits for an unreachable MongoDB, so that it answers 503 within seconds
 * instead of the driver's 30 s default.
 */
@Configuration(proxyBeanMethods = false)
class MongoClientTimeouts {

  @Bean
  MongoClientSettingsBuilderCustomizer ingestMongoTimeouts() {
    return settings ->
        settings
            .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
            .applyToSocketSettings(
                socket ->
                    socket.connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS));
  }
}
