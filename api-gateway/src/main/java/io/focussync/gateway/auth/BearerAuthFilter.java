package io.focussync.gateway.auth;

import io.focussync.gateway.user.UserService;
import io.focussync.gateway.user.core.AccessTokens;
import io.focussync.gateway.user.core.Caller;
import io.focussync.gateway.user.core.StoredToken;
import io.focussync.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request into {@code /api} only with a valid bearer token: the admin token for {@code
 * /api/v1/admin/**}, a user's token everywhere else. The caller becomes a request attribute.
 */
public final class BearerAuthFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(BearerAuthFilter.class);
  private static final String ADMIN_PATHS = "/api/v1/admin/**";

  private final UserService users;
  private final AuthProperties properties;
  private final AntPathMatcher matcher = new AntPathMatcher();

  public BearerAuthFilter(UserService users, AuthProperties properties) {
    this.users = users;
    this.properties = properties;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = pathOf(request);
    boolean api = path.equals("/api") || path.startsWith("/api/");
    boolean isPublic =
        properties.publicPaths().stream().anyMatch(pattern -> matcher.match(pattern, path));
    return !api || isPublic;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> bearer = bearerOf(request);
    if (bearer.isEmpty()) {
      unauthorized(response, "Send a personal access token as 'Authorization: Bearer <token>'.");
      return;
    }
    boolean adminPath = matcher.match(ADMIN_PATHS, pathOf(request));
    Caller caller;
    if (AccessTokens.matches(bearer.get(), properties.adminToken())) {
      if (!adminPath) {
        Problems.write(
            response,
            HttpStatus.FORBIDDEN,
            "Forbidden",
            "The admin token belongs to no user; use a user's token.");
        return;
      }
      caller = Caller.administrator();
    } else {
      Optional<StoredToken> token;
      try {
        token = users.authenticate(bearer.get());
      } catch (RuntimeException e) {
        log.warn("token store unavailable: {}", e.toString());
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        Problems.write(
            response,
            HttpStatus.SERVICE_UNAVAILABLE,
            "Service Unavailable",
            "The token could not be checked right now; try again shortly.");
        return;
      }
      if (token.isEmpty()) {
        unauthorized(response, "The token is unknown or has been revoked.");
        return;
      }
      caller = Caller.user(token.get());
    }
    request.setAttribute(Caller.ATTRIBUTE, caller);
    chain.doFilter(request, response);
  }

  private static Optional<String> bearerOf(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.length() <= 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = header.substring(7).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  private static void unauthorized(HttpServletResponse response, String detail) throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"focussync\"");
    Problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
  }

  private static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
