package io.focussync.platform.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * An HTTP answer as it came (status, body text, headers), whatever its status, with the raw path it
 * answered (for log lines, without the query): for the connectors' clients, which judge statuses,
 * retries and Retry-After themselves.
 */
public record RawResponse(String path, int status, String body, HttpHeaders headers) {

  /**
   * Sends the request and reads its whole answer. A call that got no answer stays Spring's {@code
   * ResourceAccessException}.
   */
  public static RawResponse exchange(RestClient.RequestHeadersSpec<?> request) {
    return request.exchange(
        (sent, answer) ->
            new RawResponse(
                sent.getURI().getRawPath(),
                answer.getStatusCode().value(),
                new String(answer.getBody().readAllBytes(), StandardCharsets.UTF_8),
                answer.getHeaders()));
  }

  /** Whether the status is 2xx. */
  public boolean successful() {
    return status >= 200 && status < 300;
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    return headers.getFirst(name);
  }
}
