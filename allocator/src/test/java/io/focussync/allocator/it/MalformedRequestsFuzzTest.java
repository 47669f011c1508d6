package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.platform.auth.InternalIdentity;
import io.focussync.testsupport.fuzz.Fuzzer;
import io.focussync.testsupport.fuzz.MalformedRequests.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The malformed shapes the gateway's fuzz sends (see test-support's {@code MalformedRequests}),
 * straight at this service's own controllers with a signed identity (one in ten without): never a
 * 5xx, and every 4xx a problem+json body.
 */
class MalformedRequestsFuzzTest extends AllocatorIntegrationTest {

  private static final int REQUESTS = 3000;

  @Test
  void malformedRequestsToEveryEndpointAreNever5xxAndEvery4xxIsAProblem() {
    List<Endpoint> endpoints =
        List.of(
            new Endpoint("GET", "/api/v1/days?from=2026-01-01&to=2026-01-31", null),
            new Endpoint("GET", "/api/v1/days/2026-01-20", null),
            new Endpoint("POST", "/api/v1/days/2026-01-20/approve", "{}"),
            new Endpoint("POST", "/api/v1/days/2026-01-20/resync", "{}"),
            new Endpoint("GET", "/api/v1/focus-sessions?from=2026-01-01&to=2026-01-31", null),
            new Endpoint("GET", "/api/v1/focus-sessions/rest:s1", null),
            new Endpoint("GET", "/api/v1/settings/allocation", null),
            new Endpoint(
                "PUT",
                "/api/v1/settings/allocation",
                "{\"timeZone\":\"UTC\",\"workdays\":[\"MONDAY\"],\"workdayStart\":\"09:00\","
                    + "\"workdayEnd\":\"17:00\",\"mode\":\"NORMALIZED\",\"granularityMinutes\":15,"
                    + "\"projectMapping\":{\"a\":\"p1\"},\"rules\":[{\"match\":\"GLOB\","
                    + "\"pattern\":\"web-*\",\"projectId\":\"p3\"}],\"holidays\":[\"2026-12-25\"]}"),
            new Endpoint("GET", "/api/v1/sessions?from=2026-01-01&to=2026-01-31", null));
    AtomicInteger n = new AtomicInteger();

    Fuzzer.Report report =
        Fuzzer.run(
            "allocator",
            port,
            Fuzzer.seed(),
            REQUESTS,
            endpoints,
            endpoint ->
                n.incrementAndGet() % 10 == 0 ? Map.of() : signed("u-" + UUID.randomUUID()));

    assertThat(report.failures()).as(report.summary()).isEmpty();
    assertThat(report.count(200, 299)).as(report.summary()).isPositive();
  }

  private Map<String, String> signed(String userId) {
    InternalIdentity.SignedIdentity signature = identity.sign(userId);
    return Map.of(
        InternalIdentity.USER_HEADER, signature.userId(),
        InternalIdentity.TIMESTAMP_HEADER, signature.timestamp(),
        InternalIdentity.SIGNATURE_HEADER, signature.signature());
  }
}
