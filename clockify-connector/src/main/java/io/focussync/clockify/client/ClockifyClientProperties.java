package io.focussync.clockify.client;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the connector calls Clockify.
 *
 * @param rateLimit requests per {@code ratePeriod} per workspace, at least 1 (paid plans allow
 *     50/s, new free workspaces 30 per hour; see {@link PermitLog} for how they are handed out)
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
    required(connectTimeout, "connect-timeout");
    required(requestTimeout, "request-timeout");
    positive(rateLimit, "rate-limit");
    required(ratePeriod, "rate-period");
    workspaceRateLimits = workspaceRateLimits == null ? Map.of() : Map.copyOf(workspaceRateLimits);
    workspaceRateLimits.forEach((ws, limit) -> positive(limit, "workspace-rate-limits." + ws));
    required(maxPermitWait, "max-permit-wait");
    positive(maxAttempts, "max-attempts");
    required(initialBackoff, "initial-backoff");
    required(maxBackoff, "max-backoff");
    required(maxRetryAfter, "max-retry-after");
    positive(circuitWindow, "circuit-window");
    positive(circuitMinimumCalls, "circuit-minimum-calls");
    positive(circuitFailureRate, "circuit-failure-rate");
    required(circuitOpenFor, "circuit-open-for");
    positive(pageSize, "page-size");
    pageSize = Math.min(pageSize, 5000);
  }

  /** The request limit of a workspace. */
  public int rateLimitOf(String workspaceId) {
    return workspaceRateLimits.getOrDefault(workspaceId, rateLimit);
  }

  private static void required(Duration value, String key) {
    Objects.requireNonNull(value, "focussync.clockify.client." + key + " is required");
  }

  private static void positive(float value, String key) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "focussync.clockify.client." + key + " must be set and positive");
    }
  }
}
