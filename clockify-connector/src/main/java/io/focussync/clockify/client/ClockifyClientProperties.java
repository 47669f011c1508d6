package io.focussync.clockify.client;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the connector calls Clockify.
 *
 * @param rateLimit requests per {@code ratePeriod} per workspace (default 10 per second; paid plans
 *     allow 50/s, new free workspaces 30 per hour)
 * @param workspaceRateLimits per-workspace overrides of {@code rateLimit}
 * @param maxPermitWait how long a call may wait on its thread for the rate limiter; beyond that the
 *     day is queued again for when a permit is due, holding no thread
 * @param maxAttempts attempts per call, on the apply thread, for failures that are safe to retry
 *     (429, 5xx, I/O) and whose wait is at most {@code maxBackoff}; longer waits go back to the
 *     scheduler
 * @param maxRetryAfter the longest Retry-After a day waits for; longer ones are cut to this
 * @param circuitOpenFor how long a workspace's circuit stays open before it is tried again
 */
@ConfigurationProperties("focussync.clockify.client")
public record ClockifyClientProperties(
    Duration connectTimeout,
    Duration requestTimeout,
    int rateLimit,
    Duration ratePeriod,
    Map<String, Integer> workspaceRateLimits,
    Duration maxPermitWait,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxRetryAfter,
    int circuitWindow,
    int circuitMinimumCalls,
    float circuitFailureRate,
    Duration circuitOpenFor,
    int pageSize) {

  public ClockifyClientProperties {
    connectTimeout = orElse(connectTimeout, Duration.ofSeconds(5));
    requestTimeout = orElse(requestTimeout, Duration.ofSeconds(10));
    rateLimit = rateLimit <= 0 ? 10 : rateLimit;
    ratePeriod = orElse(ratePeriod, Duration.ofSeconds(1));
    workspaceRateLimits = workspaceRateLimits == null ? Map.of() : Map.copyOf(workspaceRateLimits);
    maxPermitWait = orElse(maxPermitWait, Duration.ofMillis(500));
    maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
    initialBackoff = orElse(initialBackoff, Duration.ofMillis(200));
    maxBackoff = orElse(maxBackoff, Duration.ofSeconds(1));
    maxRetryAfter = orElse(maxRetryAfter, Duration.ofSeconds(60));
    circuitWindow = circuitWindow <= 0 ? 10 : circuitWindow;
    circuitMinimumCalls = circuitMinimumCalls <= 0 ? 5 : circuitMinimumCalls;
    circuitFailureRate = circuitFailureRate <= 0 ? 50f : circuitFailureRate;
    circuitOpenFor = orElse(circuitOpenFor, Duration.ofSeconds(30));
    pageSize = pageSize <= 0 ? 200 : Math.min(pageSize, 5000);
  }

  /** The request limit of a workspace. */
  public int rateLimitOf(String workspaceId) {
    return workspaceRateLimits.getOrDefault(workspaceId, rateLimit);
  }

  private static Duration orElse(Duration value, Duration fallback) {
    return value == null ? fallback : value;
  }
}
