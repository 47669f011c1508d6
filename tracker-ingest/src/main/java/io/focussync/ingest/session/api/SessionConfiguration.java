package io.focussync.ingest.session.api;

import io.focussync.ingest.session.SessionEvents;
import io.focussync.ingest.session.SessionValidator;
import io.focussync.ingest.session.VersionSequence;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java session core. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

  @Bean
  SessionValidator sessionValidator(IngestProperties properties) {
    return new SessionValidator(properties.rules());
  }

  @Bean
  SessionEvents sessionEvents(Clock clock) {
    return new SessionEvents(new VersionSequence(clock), clock);
  }
}
