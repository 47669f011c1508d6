package io.focussync.gateway.ratelimit;

import io.focussync.gateway.ratelimit.core.Gcra;
import io.focussync.gateway.ratelimit.core.RateLimit;
import io.focussync.gateway.ratelimit.core.RateLimiter;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the rate limit right after the bearer check (it counts per authenticated token): shared
 * by every replica through the store, or per replica when {@code shared} is off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "focussync.gateway.rate-limit.enabled", havingValue = "true")
class RateLimitConfiguration {

  @Bean
  FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
      RateLimitProperties properties, ArrivalTimes arrivalTimes, Clock clock) {
    RateLimit local =
        new RateLimiter(
            properties.burst(),
            properties.requestsPerSecond(),
            properties.maxTrackedKeys(),
            System::nanoTime);
    RateLimit limit =
        properties.shared()
            ? new SharedRateLimit(
                arrivalTimes,
                new Gcra(properties.burst(), properties.requestsPerSecond()),
                local,
                clock)
            : local;
    FilterRegistrationBean<RateLimitFilter> registration =
        new FilterRegistrationBean<>(new RateLimitFilter(limit));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
    return registration;
  }
}
