package io.focussync.gateway.auth;

import io.focussync.gateway.user.UserService;
import io.focussync.platform.auth.InternalIdentity;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the bearer check and the identity signing of proxied requests. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

  /** After security headers, CORS and body limits; before rate limiting. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

  @Bean
  FilterRegistrationBean<BearerAuthFilter> bearerAuthFilter(
      UserService users, AuthProperties properties) {
    if (properties.adminToken().isBlank()) {
      LoggerFactory.getLogger(AuthConfiguration.class)
          .warn("FOCUSSYNC_ADMIN_TOKEN is not set: the admin API (/api/v1/admin) is closed");
    }
    FilterRegistrationBean<BearerAuthFilter> registration =
        new FilterRegistrationBean<>(new BearerAuthFilter(users, properties));
    registration.setOrder(ORDER);
    return registration;
  }

  @Bean
  IdentityHeadersFilter identityHeadersFilter(InternalIdentity identity) {
    return new IdentityHeadersFilter(identity);
  }
}
