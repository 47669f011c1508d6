package io.focussync.notion;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.testsupport.fuzz.Fuzzer;
import io.focussync.testsupport.fuzz.MalformedRequests.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The malformed shapes the gateway's fuzz sends (see test-support's {@code MalformedRequests}),
 * straight at this service's own controllers with a signed identity (one in ten without), the
 * public webhook URLs included: never a 5xx, and every 4xx a problem+json body. Connection bodies
 * name the simulator; the only base URL this context allows is the simulator's.
 */
class MalformedRequestsFuzzTest extends IntegrationTestBase {

  private static final int REQUESTS = 3000;

  @Test
  void malformedRequestsToEveryEndpointAreNever5xxAndEvery4xxIsAProblem() {
    String connection =
        "{\"token\":\"secret_fuzz\",\"databaseId\":\"db-fuzz\",\"baseUrl\":\"%s\"}"
            .formatted(NOTION.baseUrl());
    String delivery = "{\"type\":\"page.created\",\"entity\":{\"id\":\"e\",\"type\":\"page\"}}";
    List<Endpoint> endpoints =
        List.of(
            new Endpoint("PUT", "/api/v1/connections/notion", connection),
            new Endpoint("GET", "/api/v1/connections/notion", null),
            new Endpoint("DELETE", "/api/v1/connections/notion", null),
            new Endpoint("POST", "/api/v1/webhooks/notion/Zm9jdXNzeW5jLWZ1enotdG9rZW4", delivery),
            new Endpoint("POST", "/api/v1/webhooks/notion", delivery));
    AtomicInteger n = new AtomicInteger();

    Fuzzer.Report report =
        Fuzzer.run(
            "notion-connector",
            port,
            Fuzzer.seed(),
            REQUESTS,
            endpoints,
            endpoint ->
                n.incrementAndGet() % 10 == 0 ? Map.of() : identity("u-" + UUID.randomUUID()));

    assertThat(report.failures()).as(report.summary()).isEmpty();
    assertThat(report.count(200, 299)).as(report.summary()).isPositive();
  }
}
