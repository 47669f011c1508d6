package io.focussync.platform.web;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * The gateway proxy's request factory: Spring's {@code JdkClientHttpRequestFactory}, which streams
 * request and answer bodies (imports of up to 64 MB pass through without being held whole).
 * HTTP/1.1, no redirects. Spring writes each request body on a thread of its own; a pooled executor
 * would be cheaper, but on JDK 17 it loses a race in the client ({@code NullPointerException} in
 * {@code Http1Exchange.requestMoreBody} for an empty chunked body, found by the gateway's {@code
 * BadInputFuzzTest}). For calls with small bodies, {@link BlockingJdkRequests} costs less.
 */
public final class StreamingJdkRequests {

  private StreamingJdkRequests() {}

  /**
   * @param connectTimeout the longest wait for a connection
   * @param readTimeout the longest wait for the answer once the request is sent
   */
  public static ClientHttpRequestFactory of(Duration connectTimeout, Duration readTimeout) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout)
            .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(readTimeout);
    return factory;
  }
}
