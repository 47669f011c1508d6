package io.focussync.clockify.client;

import io.focussync.platform.web.BlockingJdkRequests;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * Hands out Clockify clients: one rate limiter, circuit breaker and retry per workspace (named
 * {@code clockify-<workspaceId>} in the Resilience4j registries, so their metrics are published),
 * shared by every connection to that workspace. The HTTP client is Spring's {@link RestClient} from
 * Boot's builder (observed: {@code http.client.requests} metrics and trace propagation) over the
 * JDK client's blocking send ({@link BlockingJdkRequests}), with the configured connect and request
 * timeouts.
 */
@Component
public class ClockifyClients {

  private final ClockifyClientProperties properties;
  private final CircuitBreakerRegistry circuitBreakers;
  private final RetryRegistry retries;
  private final RateLimiterRegistry rateLimiters;
  private final MeterRegistry meters;
  private final DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory();
  private final RestClient rest;

  /** Clients on a plain, unobserved RestClient (tests without Spring). */
  public ClockifyClients(
      ClockifyClientProperties properties,
      CircuitBreakerRegistry circuitBreakers,
      RetryRegistry retries,
      RateLimiterRegistry rateLimiters,
      MeterRegistry meters) {
    this(properties, circuitBreakers, retries, rateLimiters, meters, RestClient.builder());
  }

  @Autowired
  public ClockifyClients(
      ClockifyClientProperties properties,
      CircuitBreakerRegistry circuitBreakers,
      RetryRegistry retries,
      RateLimiterRegistry rateLimiters,
      MeterRegistry meters,
      RestClient.Builder restClients) {
    this.properties = properties;
    this.circuitBreakers = circuitBreakers;
    this.retries = retries;
    this.rateLimiters = rateLimiters;
    this.meters = meters;
    this.rest =
        restClients
            .requestFactory(
                BlockingJdkRequests.of(properties.connectTimeout(), properties.requestTimeout()))
            .uriBuilderFactory(uris)
            .build();
  }

  /** A client for the target, sharing its workspace's resilience state. */
  public ClockifyApi forTarget(ClockifyTarget target) {
    String name = resilienceName(target.workspaceId());
    // Configs are built only for a workspace's first client (the registries keep the instances).
    return new ClockifyHttpApi(
        rest,
        target,
        properties,
        retries.retry(name, this::retryConfig),
        circuitBreakers.circuitBreaker(name, this::circuitBreakerConfig),
        rateLimiters.rateLimiter(name, () -> rateLimiterConfig(target.workspaceId())),
        meters);
  }

  /** The state of a workspace's circuit breaker. */
  public CircuitBreaker.State circuitState(String workspaceId) {
    return circuitBreakers
        .circuitBreaker(resilienceName(workspaceId), this::circuitBreakerConfig)
        .getState();
  }

  /** The name of a workspace's Resilience4j instances. */
  public static String resilienceName(String workspaceId) {
    return "clockify-" + workspaceId;
  }

  private RetryConfig retryConfig() {
    IntervalBiFunction<Object> interval =
        (attempt, outcome) -> {
          if (outcome.isLeft()
              && outcome.getLeft() instanceof ClockifyException failure
              && failure.retryAfter() != null) {
            Duration wait = failure.retryAfter();
            return Math.min(wait.toMillis(), properties.maxBackoff().toMillis());
          }
          return backoff(attempt);
        };
    return RetryConfig.custom()
        .maxAttempts(properties.maxAttempts())
        .intervalBiFunction(interval)
        // Only short waits happen on the apply thread; a longer Retry-After goes back to the
        // scheduler, which holds no thread while a day waits.
        .retryOnException(
            e ->
                e instanceof ClockifyException failure
                    && failure.retrySafe()
                    && failure.kind() != ClockifyException.Kind.CIRCUIT_OPEN
                    && !(failure.kind() == ClockifyException.Kind.RATE_LIMITED
                        && failure.status() == 0)
                    && (failure.retryAfter() == null
                        || failure.retryAfter().compareTo(properties.maxBackoff()) <= 0))
        .failAfterMaxAttempts(false)
        .build();
  }

  /** Exponential backoff with full jitter between half and one and a half of the step. */
  private long backoff(int attempt) {
    long base = properties.initialBackoff().toMillis();
    long step = base << Math.min(Math.max(attempt - 1, 0), 16);
    long capped = Math.min(step, properties.maxBackoff().toMillis());
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped + 1);
    return Math.max(1, Math.min(jittered, properties.maxBackoff().toMillis()));
  }

  private CircuitBreakerConfig circuitBreakerConfig() {
    return CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(properties.circuitWindow())
        .minimumNumberOfCalls(properties.circuitMinimumCalls())
        .failureRateThreshold(properties.circuitFailureRate())
        .waitDurationInOpenState(properties.circuitOpenFor())
        .permittedNumberOfCallsInHalfOpenState(1)
        .recordException(e -> e instanceof ClockifyException failure && failure.unhealthy())
        .build();
  }

  /**
   * The workspace's limiter settings; see {@link RateWindows} for why the windows are spaced so.
   */
  private RateLimiterConfig rateLimiterConfig(String workspaceId) {
    RateWindows windows =
        RateWindows.of(properties.rateLimitOf(workspaceId), properties.ratePeriod());
    return RateLimiterConfig.custom()
        .limitForPeriod(windows.burst())
        .limitRefreshPeriod(windows.window())
        .timeoutDuration(properties.maxPermitWait())
        .build();
  }
}
