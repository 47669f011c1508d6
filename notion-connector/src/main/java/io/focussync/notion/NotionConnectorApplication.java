package io.focussync.notion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The notion-connector service: Reads focus sessions from a Notion database and marks synced pages.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotionConnectorApplication {

  public static void main(String[] args) {
    SpringApplication.run(NotionConnectorApplication.class, args);
  }
}
