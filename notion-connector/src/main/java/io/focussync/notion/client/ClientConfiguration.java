package io.focussync.notion.client;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The one Notion client of the service (its rate limiters are per token inside it), on Boot's
 * observed RestClient builder.
 */
@Configuration(proxyBeanMethods = false)
public class ClientConfiguration {

  @Bean
  NotionClient notionClient(
      ClientProperties properties, ObjectProvider<RestClient.Builder> restClients) {
    return new NotionClient(properties, restClients.getIfAvailable(RestClient::builder));
  }
}
