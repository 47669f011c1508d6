package io.focussync.gateway.ratelimit;

import io.focussync.gateway.ratelimit.core.RateLimiter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the rate limit right after the bearer check (it counts per authenticated token). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "focussync.gateway.rate-limit.enabled", havingValue = "true")
class RateLimitConfiguration {

  @Bean
  FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties) {
    RateLimiter limiter =
        new RateLimiter(
            properties.burst(),
            properties.requestsPerSecond(),
            properties.maxTrackedKeys(),
            System::nanoTime);
    FilterRegistrationBean<RateLimitFilter> registration =
        new FilterRegistrationBean<>(new RateLimitFilter(limiter));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
    return registration;
  }
}
