package io.focussync.clockify.client;

import io.focussync.platform.web.BlockingJdkRequests;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * Hands out Clockify clients: one request limit ({@link PermitLog}), circuit breaker and retry per
 * workspace, shared by every connection to that workspace. They are named {@code
 * clockify-<workspaceId>}: in the Resilience4j registries, whose metrics are published, and as the
 * {@code name} of the {@code focussync.clockify.permits.available} gauge. The HTTP client is
 * Spring's {@link RestClient} from Boot's builder (observed: {@code http.client.requests} metrics
 * and trace propagation) over the JDK client's blocking send ({@link BlockingJdkRequests}), with
 * the configured connect and request timeouts.
 */
@Component
public class ClockifyClients {

  private final ClockifyClientProperties properties;
  private final CircuitBreakerRegistry circuitBreakers;
  private final RetryRegistry retries;
  private final Map<String, PermitLog> permits = new ConcurrentHashMap<>();
  private final MeterRegistry meters;
  private final DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory();
  private final RestClient rest;

  /** Clients on a plain, unobserved RestClient (tests without Spring). */
  public ClockifyClients(
      ClockifyClientProperties properties,
      CircuitBreakerRegistry circuitBreakers,
      RetryRegistry retries,
      MeterRegistry meters) {
    this(properties, circuitBreakers, retries, meters, RestClient.builder());
  }

  @Autowired
  public ClockifyClients(
      ClockifyClientProperties properties,
      CircuitBreakerRegistry circuitBreakers,
      RetryRegistry retries,
      MeterRegistry meters,
      RestClient.Builder restClients) {
    this.properties = properties;
    this.circuitBreakers = circuitBreakers;
    this.retries = retries;
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
        permits.computeIfAbsent(name, key -> permitLog(key, target.workspaceId())),
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

  /** The workspace's request limit, and its gauge of the permits to be had now. */
  private PermitLog permitLog(String name, String workspaceId) {
    PermitLog log =
        new PermitLog(
            properties.rateLimitOf(workspaceId), properties.ratePeriod(), System::nanoTime);
    Gauge.builder("focussync.clockify.permits.available", log, PermitLog::available)
        .description("Clockify requests the workspace's limit allows now, without waiting")
        .tag("name", name)
        .register(meters);
    return log;
  }
}
