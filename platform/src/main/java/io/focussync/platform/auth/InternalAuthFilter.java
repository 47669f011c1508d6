package io.focussync.platform.auth;

import io.focussync.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request into a service's API only with an identity signed by the gateway, so that a
 * service reached directly is no back door. The verified user id becomes a request attribute.
 */
public final class InternalAuthFilter extends OncePerRequestFilter {

  private final InternalIdentity identity;
  private final InternalAuthProperties properties;
  private final AntPathMatcher matcher = new AntPathMatcher();

  public InternalAuthFilter(InternalIdentity identity, InternalAuthProperties properties) {
    this.identity = identity;
    this.properties = properties;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean isProtected =
        properties.protectedPaths().stream().anyMatch(pattern -> matcher.match(pattern, path));
    boolean isPublic =
        properties.publicPaths().stream().anyMatch(pattern -> matcher.match(pattern, path));
    return !isProtected || isPublic;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> userId =
        identity.verify(
            request.getHeader(InternalIdentity.USER_HEADER),
            request.getHeader(InternalIdentity.TIMESTAMP_HEADER),
            request.getHeader(InternalIdentity.SIGNATURE_HEADER));
    if (userId.isEmpty()) {
      Problems.write(
          response,
          HttpStatus.UNAUTHORIZED,
          "Unauthorized",
          "This service accepts only requests signed by the gateway.");
      return;
    }
    request.setAttribute(CurrentUser.ATTRIBUTE, new CurrentUser(userId.get()));
    chain.doFilter(request, response);
  }
}
