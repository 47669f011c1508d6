package io.focussync.clockify;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The clockify-connector service: Converges Clockify to the day plans exactly once and reports on
 * focussync.sync-results.v1.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClockifyConnectorApplication {

  public static void main(String[] args) {
    SpringApplication.run(ClockifyConnectorApplication.class, args);
  }
}
