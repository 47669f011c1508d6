package io.focussync.notion.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.focussync.notion.lease.Lease;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A stopping replica hands its leases back within a bound: with the store gone (as when the JVM's
 * other shutdown hooks stopped it first) it gives up instead of waiting out the driver's 30 s
 * server selection.
 */
class LeaseStoreTest {

  @Test
  void handingLeasesBackGivesUpSoonWhenTheStoreIsGone() throws IOException {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + deadPort)) {
      LeaseStore store = new LeaseStore(new MongoTemplate(client, "leases"));
      Lease held = new Lease("replica-a", 3, Instant.now().plusSeconds(60));

      assertTimeoutPreemptively(
          Duration.ofSeconds(15),
          () -> assertThat(store.releaseAll(Map.of("u-1", held), Duration.ofSeconds(1))).isFalse());
    }
  }
}
