package io.focussync.gateway.ratelimit;

import io.focussync.gateway.ratelimit.core.RateLimit;
import io.focussync.gateway.ratelimit.core.TokenBucket;
import io.focussync.gateway.user.core.Caller;
import io.focussync.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits {@code /api} requests per token (per client address where no token is needed) and answers
 * 429 problem+json with {@code Retry-After} beyond the limit.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

  static final String REMAINING_HEADER = "X-RateLimit-Remaining";

  private final RateLimit limiter;

  public RateLimitFilter(RateLimit limiter) {
    this.limiter = limiter;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.equals("/api") || path.startsWith("/api/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Object caller = request.getAttribute(Caller.ATTRIBUTE);
    String key =
        caller instanceof Caller known ? known.rateKey() : "address:" + request.getRemoteAddr();
    TokenBucket.Decision decision = limiter.tryAcquire(key);
    if (!decision.allowed()) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
      response.setHeader(REMAINING_HEADER, "0");
      Problems.write(
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          "Too Many Requests",
          "This token sent too many requests; retry after " + decision.retryAfterSeconds() + " s.");
      return;
    }
    response.setHeader(REMAINING_HEADER, String.valueOf(decision.remaining()));
    chain.doFilter(request, response);
  }
}
