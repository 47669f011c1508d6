package io.focussync.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.AbstractBufferingClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The connectors' request factory for Spring's RestClient: the JDK client's blocking {@code send},
 * each request's body and answer read whole (API calls of a few kilobytes), on the calling thread.
 * Spring's own {@code JdkClientHttpRequestFactory} streams instead: it writes each request body on
 * a new thread and hands the answer over through a queue, a cost per call that the connectors'
 * small bodies do not need (platform/README.md). HTTP/1.1, no redirects; a connect timeout surfaces
 * as the JDK's {@code HttpConnectTimeoutException}, a late answer as its {@code
 * HttpTimeoutException}.
 */
public final class BlockingJdkRequests implements ClientHttpRequestFactory {

  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> SET_BY_CLIENT = caseInsensitive();

  private final HttpClient http;
  private final Duration readTimeout;

  private BlockingJdkRequests(HttpClient http, Duration readTimeout) {
    this.http = http;
    this.readTimeout = readTimeout;
  }

  /**
   * @param connectTimeout the longest wait for a connection
   * @param readTimeout the longest wait for the answer once the request is sent
   */
  public static BlockingJdkRequests of(Duration connectTimeout, Duration readTimeout) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new BlockingJdkRequests(http, readTimeout);
  }

  @Override
  public ClientHttpRequest createRequest(URI uri, HttpMethod method) {
    return new Request(uri, method);
  }

  private final class Request extends AbstractBufferingClientHttpRequest {

    private final URI uri;
    private final HttpMethod method;

    Request(URI uri, HttpMethod method) {
      this.uri = uri;
      this.method = method;
    }

    @Override
    public HttpMethod getMethod() {
      return method;
    }

    @Override
    public URI getURI() {
      return uri;
    }

    @Override
    protected ClientHttpResponse executeInternal(HttpHeaders headers, byte[] body)
        throws IOException {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout);
      headers.forEach(
          (name, values) -> {
            if (!SET_BY_CLIENT.contains(name)) {
              values.forEach(value -> request.header(name, value));
            }
          });
      request.method(
          method.name(),
          body.length == 0
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      try {
        return new Response(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException interrupted = new InterruptedIOException("interrupted");
        interrupted.initCause(e);
        throw interrupted;
      }
    }
  }

  private static final class Response implements ClientHttpResponse {

    private final HttpResponse<byte[]> answer;
    private final HttpHeaders headers = new HttpHeaders();

    Response(HttpResponse<byte[]> answer) {
      this.answer = answer;
      answer.headers().map().forEach(headers::addAll);
    }

    @Override
    public HttpStatusCode getStatusCode() {
      return HttpStatusCode.valueOf(answer.statusCode());
    }

    @Override
    public String getStatusText() {
      return "";
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(answer.body());
    }

    @Override
    public void close() {}
  }

  private static Set<String> caseInsensitive() {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(Set.of("Connection", "Content-Length", "Expect", "Host", "Upgrade"));
    return names;
  }
}
