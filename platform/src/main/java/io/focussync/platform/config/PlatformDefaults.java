package io.focussync.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the operational defaults every service shares ({@code focussync-platform.yml}: Kafka and
 * MongoDB addresses from the environment, actuator health groups, Prometheus) with the lowest
 * precedence, so a service's own application.yml and the environment override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    try {
      for (PropertySource<?> source :
          new YamlPropertySourceLoader()
              .load("focussync-platform", new ClassPathResource("focussync-platform.yml"))) {
        environment.getPropertySources().addLast(source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
