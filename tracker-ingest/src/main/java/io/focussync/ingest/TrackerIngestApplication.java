package io.focussync.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The tracker-ingest service: Accepts work sessions over REST and file imports and publishes them
 * to focussync.sessions.v1.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrackerIngestApplication {

  public static void main(String[] args) {
    SpringApplication.run(TrackerIngestApplication.class, args);
  }
}
