package io.focussync.notion.poll;

import io.focussync.notion.lease.ReplicaId;
import io.focussync.notion.store.LeaseStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This process's leases, under a replica id of its own. */
@Configuration(proxyBeanMethods = false)
class LeaseConfiguration {

  @Bean
  ConnectionLeases connectionLeases(LeaseStore store, LeaseProperties properties, Clock clock) {
    return new ConnectionLeases(store, ReplicaId.generate(), properties.terms(), clock);
  }
}
