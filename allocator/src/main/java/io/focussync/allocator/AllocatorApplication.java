package io.focussync.allocator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The allocator service: Turns session events into per-user-day allocation plans on
 * focussync.day-plans.v1.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AllocatorApplication {

  public static void main(String[] args) {
    SpringApplication.run(AllocatorApplication.class, args);
  }
}
