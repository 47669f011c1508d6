package io.focussync.gateway.routing;

import io.focussync.gateway.routing.core.Route;
import io.focussync.platform.web.ClientFaults;
import io.focussync.platform.web.Problems;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Turns a failed call to a service into problem+json: a timeout is 504, a service that cannot be
 * reached (refused, reset, garbled) is 502. A call that failed because of the client's own request
 * (a body past its limit, a body whose chunked framing is broken: see the platform's {@link
 * ClientFaults}) is that 4xx, not the service's fault. Never a stack trace.
 */
final class DownstreamErrors implements HandlerFilterFunction<ServerResponse, ServerResponse> {

  private static final Logger log = LoggerFactory.getLogger(DownstreamErrors.class);

  private final Route route;

  DownstreamErrors(Route route) {
    this.route = route;
  }

  @Override
  public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next)
      throws Exception {
    ServerResponse response;
    try {
      response = next.handle(request);
    } catch (ResourceAccessException | IOException | java.io.UncheckedIOException e) {
      response = answer(e);
    }
    logForwarded(request, response);
    return response;
  }

  /** One line per forwarded request (changes at INFO, reads at DEBUG), with the trace id. */
  private void logForwarded(ServerRequest request, ServerResponse response) {
    String method = request.method().name();
    boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    if (read ? log.isDebugEnabled() : log.isInfoEnabled()) {
      String line = "route {}: {} {} -> {} {}";
      Object[] args = {
        route.id(), method, request.path(), route.service().displayName(), response.statusCode()
      };
      if (read) {
        log.debug(line, args);
      } else {
        log.info(line, args);
      }
    }
  }

  private ServerResponse answer(Exception e) {
    String service = route.service().displayName();
    Optional<ProblemDetail> clientFault = ClientFaults.problemFor(e);
    if (clientFault.isPresent()) {
      log.debug("route {}: the request could not be sent on: {}", route.id(), e.toString());
      return ServerResponse.status(clientFault.get().getStatus())
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(clientFault.get());
    }
    if (causedBy(e, HttpTimeoutException.class) || causedBy(e, SocketTimeoutException.class)) {
      log.warn("route {}: {} timed out: {}", route.id(), service, e.toString());
      return problem(
          HttpStatus.GATEWAY_TIMEOUT,
          "Gateway Timeout",
          "The " + service + " service did not answer in time.");
    }
    log.warn("route {}: {} unreachable: {}", route.id(), service, e.toString());
    return problem(
        HttpStatus.BAD_GATEWAY, "Bad Gateway", "The " + service + " service could not be reached.");
  }

  private static ServerResponse problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = Problems.of(status, title, detail);
    ServerResponse.BodyBuilder builder =
        ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status.is5xxServerError()) {
      builder.header(HttpHeaders.RETRY_AFTER, "5");
    }
    return builder.body(problem);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
