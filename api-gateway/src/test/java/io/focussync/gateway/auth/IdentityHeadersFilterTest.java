package io.focussync.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.gateway.user.core.Caller;
import io.focussync.gateway.user.core.StoredToken;
import io.focussync.platform.auth.InternalIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.ServerRequest;

class IdentityHeadersFilterTest {

  private final InternalIdentity identity =
      new InternalIdentity("unit-test-key-0123456789", Clock.systemUTC());
  private final IdentityHeadersFilter filter = new IdentityHeadersFilter(identity);

  @Test
  void replacesClientIdentityWithTheSignedCallerAndDropsTheBearer() {
    MockHttpServletRequest servlet = new MockHttpServletRequest("GET", "/api/v1/days");
    servlet.setAttribute(
        Caller.ATTRIBUTE, Caller.user(new StoredToken("h", "t", "user-a", Instant.now())));

    HttpHeaders out = filter.apply(clientHeaders(), ServerRequest.create(servlet, List.of()));

    assertThat(out.get(InternalIdentity.USER_HEADER)).containsExactly("user-a");
    assertThat(
            identity.verify(
                out.getFirst(InternalIdentity.USER_HEADER),
                out.getFirst(InternalIdentity.TIMESTAMP_HEADER),
                out.getFirst(InternalIdentity.SIGNATURE_HEADER)))
        .contains("user-a");
    assertThat(out.get("X-FocusSync-Other")).isNull();
    assertThat(out.get(HttpHeaders.AUTHORIZATION)).isNull();
    assertThat(out.getFirst("Accept")).isEqualTo("application/json");
  }

  @Test
  void unauthenticatedRoutesGetNoIdentityAtAll() {
    MockHttpServletRequest servlet = new MockHttpServletRequest("POST", "/api/v1/webhooks/notion");

    HttpHeaders out = filter.apply(clientHeaders(), ServerRequest.create(servlet, List.of()));

    assertThat(out.headerNames()).noneMatch(name -> name.toLowerCase().startsWith("x-focussync-"));
    assertThat(out.getFirst("Accept")).isEqualTo("application/json");
  }

  private static HttpHeaders clientHeaders() {
    HttpHeaders in = new HttpHeaders();
    in.add("x-focussync-user", "user-b");
    in.add("X-FOCUSSYNC-SIGNATURE", "forged");
    in.add("X-FocusSync-Timestamp", "1");
    in.add("X-FocusSync-Other", "x");
    in.add(HttpHeaders.AUTHORIZATION, "Bearer fs_abc");
    in.add("Accept", "application/json");
    return in;
  }
}
