package io.focussync.gateway.store;

import io.focussync.gateway.ratelimit.ArrivalTimes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The store behind the shared rate limit. */
@Configuration(proxyBeanMethods = false)
class RateLimitStoreConfiguration {

  @Bean
  ArrivalTimes arrivalTimes(MongoTemplate mongo) {
    return new MongoArrivalTimes(mongo.getCollection("rate_limits"));
  }
}
