package io.focussync.platform.web;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The gateway proxy's request factory: Spring's {@code JdkClientHttpRequestFactory}, which streams
 * request and answer bodies (imports of up to 64 MB pass through without being held whole), on a
 * JDK client with a pool of reused threads. Spring writes each request body on the client's
 * executor, and without one it would start a new thread for every forwarded request. HTTP/1.1, no
 * redirects. For calls with small bodies, {@link BlockingJdkRequests} costs less.
 */
public final class StreamingJdkRequests {

  private StreamingJdkRequests() {}

  /**
   * @param connectTimeout the longest wait for a connection
   * @param readTimeout the longest wait for the answer once the request is sent
   */
  public static ClientHttpRequestFactory of(Duration connectTimeout, Duration readTimeout) {
    CustomizableThreadFactory threads = new CustomizableThreadFactory("jdk-http-");
    threads.setDaemon(true);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout)
            .executor(Executors.newCachedThreadPool(threads))
            .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(readTimeout);
    return factory;
  }
}
