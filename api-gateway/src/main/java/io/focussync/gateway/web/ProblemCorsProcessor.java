package io.focussync.gateway.web;

import io.focussync.platform.web.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** Spring's CORS checks, but a rejected request gets a 403 problem+json like every other error. */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

  @Override
  protected void rejectRequest(ServerHttpResponse response) throws IOException {
    response.setStatusCode(HttpStatus.FORBIDDEN);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    String body =
        "{\"type\":\"%s\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"%s\"}"
            .formatted(
                Problems.typeOf(HttpStatus.FORBIDDEN),
                "This origin, method or header is not allowed to call the API.");
    response.getBody().write(body.getBytes(StandardCharsets.UTF_8));
    response.flush();
  }
}
