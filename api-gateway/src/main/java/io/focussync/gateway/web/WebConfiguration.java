package io.focussync.gateway.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The gateway's outer servlet filters, outermost first: security headers, CORS (so that preflights
 * and errors carry CORS headers), then body size limits; the bearer check and rate limit follow.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(
      HeadersProperties properties) {
    FilterRegistrationBean<SecurityHeadersFilter> registration =
        new FilterRegistrationBean<>(new SecurityHeadersFilter(properties));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<CorsFilter> corsFilter(CorsProperties properties) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    if (!properties.allowedOrigins().isEmpty()) {
      CorsConfiguration cors = new CorsConfiguration();
      cors.setAllowedOrigins(properties.allowedOrigins());
      cors.setAllowedMethods(properties.allowedMethods());
      cors.setAllowedHeaders(properties.allowedHeaders());
      cors.setExposedHeaders(properties.exposedHeaders());
      cors.setMaxAge(properties.maxAge());
      cors.setAllowCredentials(false);
      source.registerCorsConfiguration("/api/**", cors);
    }
    CorsFilter filter = new CorsFilter(source);
    filter.setCorsProcessor(new ProblemCorsProcessor());
    FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(LimitsProperties limits) {
    FilterRegistrationBean<BodyLimitFilter> registration =
        new FilterRegistrationBean<>(new BodyLimitFilter(limits));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
