package io.focussync.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with Focus Sync's problem type URIs. */
public final class Problems {

  private static final String TYPE_BASE = "https://focussync.io/problems/";

  private Problems() {}

  /** A problem of a status, its type named after the status. */
  public static ProblemDetail of(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(typeOf(status));
    return problem;
  }

  /** The type URI for a status, e.g. {@code https://focussync.io/problems/bad-request}. */
  public static URI typeOf(HttpStatus status) {
    return URI.create(TYPE_BASE + status.name().toLowerCase().replace('_', '-'));
  }

  /** Writes a problem straight to a servlet response, for filters that run before MVC. */
  public static void write(
      HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(json(status, title, detail).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The JSON text of a problem, for writers that have no message converter at hand (filters, the
   * container's error report).
   */
  public static String json(HttpStatus status, String title, String detail) {
    return "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
        .formatted(typeOf(status), escape(title), status.value(), escape(detail));
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
