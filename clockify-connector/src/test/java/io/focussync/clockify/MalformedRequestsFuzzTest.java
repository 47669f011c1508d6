package io.focussync.clockify;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.platform.auth.InternalIdentity;
import io.focussync.testsupport.TestInfrastructure;
import io.focussync.testsupport.fuzz.Fuzzer;
import io.focussync.testsupport.fuzz.MalformedRequests.Endpoint;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The malformed shapes the gateway's fuzz sends (see test-support's {@code MalformedRequests}),
 * straight at this service's own controllers with a signed identity (one in ten without): never a
 * 5xx, and every 4xx a problem+json body. Connection bodies name the simulator; the only base URLs
 * this context allows are the simulator's, so no mutation can reach anything else.
 */
class MalformedRequestsFuzzTest extends IntegrationTestBase {

  private static final int REQUESTS = 3000;
  private static final InternalIdentity SIGNER =
      new InternalIdentity(TestInfrastructure.INTERNAL_AUTH_KEY, Clock.systemUTC());

  @Test
  void malformedRequestsToEveryEndpointAreNever5xxAndEvery4xxIsAProblem() {
    String connection =
        "{\"apiKey\":\"fuzz-key\",\"workspaceId\":\"ws-fuzz\",\"baseUrl\":\"%s\",\"dryRun\":true}"
            .formatted(CLOCKIFY.baseUrl());
    List<Endpoint> endpoints =
        List.of(
            new Endpoint("GET", "/api/v1/sync/history?from=2026-01-01&to=2026-01-31", null),
            new Endpoint("POST", "/api/v1/connections/clockify/go-live", "{}"),
            new Endpoint("PUT", "/api/v1/connections/clockify", connection),
            new Endpoint("GET", "/api/v1/connections/clockify", null),
            new Endpoint("DELETE", "/api/v1/connections/clockify", null));
    AtomicInteger n = new AtomicInteger();

    Fuzzer.Report report =
        Fuzzer.run(
            "clockify-connector",
            port,
            Fuzzer.seed(),
            REQUESTS,
            endpoints,
            endpoint -> n.incrementAndGet() % 10 == 0 ? Map.of() : signed(unique("fuzz")));

    assertThat(report.failures()).as(report.summary()).isEmpty();
    assertThat(report.count(200, 299)).as(report.summary()).isPositive();
  }

  private static Map<String, String> signed(String userId) {
    InternalIdentity.SignedIdentity signature = SIGNER.sign(userId);
    return Map.of(
        InternalIdentity.USER_HEADER, signature.userId(),
        InternalIdentity.TIMESTAMP_HEADER, signature.timestamp(),
        InternalIdentity.SIGNATURE_HEADER, signature.signature());
  }
}
