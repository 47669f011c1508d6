package io.focussync.platform.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls another service's API as a user, with the identity signed as the gateway signs it: the one
 * way services call each other outside Kafka.
 */
public final class SignedCalls {

  private final InternalIdentity identity;
  private final HttpClient http;

  public SignedCalls(InternalIdentity identity, Duration connectTimeout) {
    this.identity = identity;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout)
            .build();
  }

  /** {@code GET uri} as the user, for JSON; the answer whatever its status. */
  public HttpResponse<String> get(URI uri, String userId, Duration timeout)
      throws IOException, InterruptedException {
    InternalIdentity.SignedIdentity signed = identity.sign(userId);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header(InternalIdentity.USER_HEADER, signed.userId())
            .header(InternalIdentity.TIMESTAMP_HEADER, signed.timestamp())
            .header(InternalIdentity.SIGNATURE_HEADER, signed.signature())
            .header("Accept", "application/json")
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
