package io.focussync.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose Content-Type is no single concrete media type (a wildcard such as {@code
 * *}{@code /*}, or text that does not parse) with 415 problem+json before anything reads it:
 * Spring's request headers assert that a Content-Type is concrete, so a wildcard would otherwise
 * fail deep inside the framework as a 500.
 */
public final class ContentTypeFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String value = request.getContentType();
    if (value != null && !value.isBlank() && !concrete(value)) {
      Problems.write(
          response,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported Media Type",
          "The Content-Type header must name one concrete media type, such as"
              + " application/json.");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean concrete(String value) {
    try {
      MediaType type = MediaType.parseMediaType(value);
      return !type.isWildcardType() && !type.isWildcardSubtype();
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
