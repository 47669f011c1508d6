package io.focussync.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import io.focussync.gateway.routing.core.Route;
import io.focussync.gateway.routing.core.RouteTable;
import io.focussync.platform.web.Problems;
import io.focussync.platform.web.StreamingJdkRequests;
import io.micrometer.observation.ObservationRegistry;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Forwards each route of the {@link RouteTable} to its service with Spring Cloud Gateway (path and
 * body unchanged), and answers 405 for a routed path with a method no route takes.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

  @Bean
  RouterFunction<ServerResponse> serviceRoutes(RoutingProperties properties) {
    RouterFunction<ServerResponse> all = null;
    for (Route route : RouteTable.routes()) {
      RouterFunction<ServerResponse> one =
          route(route.id())
              .route(matching(route), http())
              .before(uri(properties.urlOf(route.service())))
              .filter(new DownstreamErrors(route))
              .build();
      all = all == null ? one : all.and(one);
    }
    return all.and(
        RouterFunctions.route(
            RoutingConfiguration::wrongMethod,
            request -> notAllowed(RouteTable.allowedMethods(request.path()))));
  }

  /**
   * The proxy's HTTP client ({@link StreamingJdkRequests}: bodies streamed, the configured
   * timeouts); observed, so each forwarded request is a client span of the request's trace and
   * carries its {@code traceparent} to the service (a client's own {@code traceparent} is
   * continued, not forwarded as is).
   */
  @Bean
  ProxyExchange proxyExchange(
      RoutingProperties properties,
      GatewayMvcProperties gateway,
      ObjectProvider<ObservationRegistry> observations) {
    return new RestClientProxyExchange(
        RestClient.builder()
            .requestFactory(
                StreamingJdkRequests.of(properties.connectTimeout(), properties.readTimeout()))
            .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
            .build(),
        gateway);
  }

  private static RequestPredicate matching(Route route) {
    return request -> route.matches(request.method().name(), request.path());
  }

  private static boolean wrongMethod(
      org.springframework.web.servlet.function.ServerRequest request) {
    Set<String> allowed = RouteTable.allowedMethods(request.path());
    return !allowed.isEmpty() && !allowed.contains(request.method().name());
  }

  private static ServerResponse notAllowed(Set<String> allowed) {
    return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
        .header(HttpHeaders.ALLOW, String.join(", ", allowed))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(
            Problems.of(
                HttpStatus.METHOD_NOT_ALLOWED,
                "Method Not Allowed",
                "This path takes only " + String.join(", ", allowed) + "."));
  }
}
