package io.focussync.clockify.client;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.springframework.web.client.RestClient;

/** Clockify clients without Spring, with short test timings. */
final class TestClients {

  private TestClients() {}

  static ClockifyClients create(int pageSize) {
    return create(pageSize, RestClient.builder());
  }

  /** Clients on the given RestClient builder (e.g. an observed one). */
  static ClockifyClients create(int pageSize, RestClient.Builder restClients) {
    return create(pageSize, restClients, Map.of(), Duration.ofSeconds(10));
  }

  /** Clients with per-workspace request limits and a longest wait for a permit. */
  static ClockifyClients create(
      int pageSize,
      RestClient.Builder restClients,
      Map<String, Integer> workspaceLimits,
      Duration maxPermitWait) {
    ClockifyClientProperties properties =
        new ClockifyClientProperties(
            Duration.ofSeconds(1),
            Duration.ofMillis(1500),
            50,
            Duration.ofSeconds(1),
            workspaceLimits,
            maxPermitWait,
            3,
            Duration.ofMillis(20),
            Duration.ofMillis(100),
            Duration.ofSeconds(2),
            4,
            4,
            50f,
            Duration.ofSeconds(30),
            pageSize);
    return new ClockifyClients(
        properties,
        CircuitBreakerRegistry.ofDefaults(),
        RetryRegistry.ofDefaults(),
        new SimpleMeterRegistry(),
        restClients);
  }
}
