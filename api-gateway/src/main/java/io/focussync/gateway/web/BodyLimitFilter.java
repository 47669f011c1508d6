package io.focussync.gateway.web;

import io.focussync.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses {@code /api} request bodies above their limit with 413: at once when the declared length
 * is too large, and while reading when a body without a declared length grows too large.
 */
public final class BodyLimitFilter extends OncePerRequestFilter {

  private static final String IMPORTS = "/api/v1/imports";

  private final LimitsProperties limits;

  public BodyLimitFilter(LimitsProperties limits) {
    this.limits = limits;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return !(path.equals("/api") || path.startsWith("/api/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit =
        path(request).equals(IMPORTS)
            ? limits.maxImportSize().toBytes()
            : limits.maxBodySize().toBytes();
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      tooLarge(response, limit);
      return;
    }
    if (declared >= 0) {
      // The container enforces a declared length; only bodies of unknown length need counting.
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  /** Writes the 413 answer. */
  static void tooLarge(HttpServletResponse response, long limit) throws IOException {
    Problems.write(
        response,
        HttpStatus.CONTENT_TOO_LARGE,
        "Content Too Large",
        "The request body is larger than the limit of " + limit + " bytes.");
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** A request whose body stream fails once more than the limit has been read. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {

    private final ServletInputStream delegate;
    private final long limit;
    private long count;

    CountingStream(ServletInputStream delegate, long limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws PayloadTooLargeException {
      count += n;
      if (count > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
