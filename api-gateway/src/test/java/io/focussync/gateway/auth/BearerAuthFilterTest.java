package io.focussync.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.gateway.user.UserService;
import io.focussync.gateway.user.UserStore;
import io.focussync.gateway.user.core.Caller;
import io.focussync.gateway.user.core.StoredToken;
import io.focussync.gateway.user.core.User;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BearerAuthFilterTest {

  private final AuthProperties properties =
      new AuthProperties(
          "admin-token-0123456789",
          List.of("/api/v1/webhooks/notion", "/api/v1/webhooks/notion/*"));

  @Test
  void tokenStoreOutageIs503ProblemWithRetryAfterNotA500() throws Exception {
    BearerAuthFilter filter =
        new BearerAuthFilter(new UserService(new FailingStore(), Clock.systemUTC()), properties);
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/days");
    request.addHeader("Authorization", "Bearer fs_whatever");
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, response, chain);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentAsString()).doesNotContain("IllegalStateException");
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void publicAndNonApiPathsNeedNoTokenAndCarryNoCaller() throws Exception {
    BearerAuthFilter filter =
        new BearerAuthFilter(new UserService(new FailingStore(), Clock.systemUTC()), properties);
    for (String path :
        List.of(
            "/api/v1/webhooks/notion",
            "/api/v1/webhooks/notion/AbC_-token",
            "/v3/api-docs",
            "/actuator/health")) {
      MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
      MockFilterChain chain = new MockFilterChain();

      filter.doFilter(request, new MockHttpServletResponse(), chain);

      assertThat(chain.getRequest()).as(path).isNotNull();
      assertThat(request.getAttribute(Caller.ATTRIBUTE)).isNull();
    }
  }

  @Test
  void pathsDeeperThanAWebhookUrlStillNeedAToken() throws Exception {
    BearerAuthFilter filter =
        new BearerAuthFilter(new UserService(new FailingStore(), Clock.systemUTC()), properties);
    for (String path :
        List.of("/api/v1/webhooks/notion/a/b", "/api/v1/webhooks/notionx", "/api/v1/webhooks")) {
      MockHttpServletResponse response = new MockHttpServletResponse();
      MockFilterChain chain = new MockFilterChain();

      filter.doFilter(new MockHttpServletRequest("POST", path), response, chain);

      assertThat(response.getStatus()).as(path).isEqualTo(401);
      assertThat(chain.getRequest()).as(path).isNull();
    }
  }

  @Test
  void adminTokenIsRecognisedOnlyOnTheAdminApi() throws Exception {
    BearerAuthFilter filter =
        new BearerAuthFilter(new UserService(new FailingStore(), Clock.systemUTC()), properties);
    MockHttpServletRequest admin = new MockHttpServletRequest("POST", "/api/v1/admin/users");
    admin.addHeader("Authorization", "bearer admin-token-0123456789");
    MockHttpServletRequest elsewhere = new MockHttpServletRequest("GET", "/api/v1/days");
    elsewhere.addHeader("Authorization", "Bearer admin-token-0123456789");
    MockHttpServletResponse refused = new MockHttpServletResponse();

    filter.doFilter(admin, new MockHttpServletResponse(), new MockFilterChain());
    filter.doFilter(elsewhere, refused, new MockFilterChain());

    assertThat(admin.getAttribute(Caller.ATTRIBUTE)).isEqualTo(Caller.administrator());
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(elsewhere.getAttribute(Caller.ATTRIBUTE)).isNull();
  }

  /** A store whose database is down. */
  private static final class FailingStore implements UserStore {

    private static IllegalStateException down() {
      return new IllegalStateException("database down");
    }

    @Override
    public void saveUser(User user) {
      throw down();
    }

    @Override
    public Optional<User> findUser(String userId) {
      throw down();
    }

    @Override
    public void saveToken(StoredToken token) {
      throw down();
    }

    @Override
    public Optional<StoredToken> findTokenByHash(String hash) {
      throw down();
    }

    @Override
    public List<StoredToken> tokensOf(String userId) {
      throw down();
    }

    @Override
    public boolean deleteTokenByHash(String hash) {
      throw down();
    }

    @Override
    public boolean deleteToken(String userId, String tokenId) {
      throw down();
    }
  }
}
