package io.focussync.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the security headers on every answer, the proxied ones included; a downstream service's own
 * values for these headers are ignored so that no answer carries two.
 */
public final class SecurityHeadersFilter extends OncePerRequestFilter {

  private final Map<String, String> headers = new LinkedHashMap<>();

  public SecurityHeadersFilter(HeadersProperties properties) {
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Content-Security-Policy", "frame-ancestors 'none'");
    headers.put("Referrer-Policy", "no-referrer");
    if (properties.hsts()) {
      headers.put(
          "Strict-Transport-Security",
          "max-age=" + properties.hstsMaxAgeSeconds() + "; includeSubDomains");
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    headers.forEach(response::setHeader);
    chain.doFilter(request, new Guarded(response));
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  /** Ignores later attempts to set the headers this filter owns. */
  private final class Guarded extends HttpServletResponseWrapper {

    Guarded(HttpServletResponse response) {
      super(response);
    }

    private boolean owned(String name) {
      return headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase(name));
    }

    @Override
    public void setHeader(String name, String value) {
      if (!owned(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!owned(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void reset() {
      super.reset();
      headers.forEach(super::setHeader);
    }
  }
}
