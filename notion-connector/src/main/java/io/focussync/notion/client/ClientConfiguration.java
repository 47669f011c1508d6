package io.focussync.notion.client;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one Notion client of the service (its rate limiters are per token inside it). */
@Configuration(proxyBeanMethods = false)
public class ClientConfiguration {

  @Bean
  NotionClient notionClient(ClientProperties properties) {
    return new NotionClient(properties);
  }
}
