package io.focussync.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The per-token rate limit of {@code /api}.
 *
 * @param enabled whether requests are limited at all
 * @param requestsPerSecond the sustained rate one token may send
 * @param burst how many requests one token may send at once
 * @param maxTrackedKeys how many tokens/addresses are tracked before idle ones are forgotten
 * @param shared whether the replicas share the limit through the store (else each limits alone)
 */
@ConfigurationProperties("focussync.gateway.rate-limit")
public record RateLimitProperties(
    boolean enabled, double requestsPerSecond, int burst, int maxTrackedKeys, Boolean shared) {

  public RateLimitProperties {
    requestsPerSecond = requestsPerSecond > 0 ? requestsPerSecond : 50;
    burst = burst > 0 ? burst : 100;
    maxTrackedKeys = maxTrackedKeys > 0 ? maxTrackedKeys : 100_000;
    shared = shared == null || shared;
  }
}
