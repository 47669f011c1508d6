package io.focussync.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.focussync.gateway.ratelimit.SharedRateLimit;
import io.focussync.gateway.ratelimit.core.Gcra;
import io.focussync.gateway.ratelimit.core.RateLimit;
import io.focussync.gateway.ratelimit.core.RateLimiter;
import io.focussync.gateway.ratelimit.core.TokenBucket;
import io.focussync.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway replicas on one store admit together what one would: the limit holds across replicas,
 * and a replica whose store is gone limits on its own instead of failing requests.
 */
class SharedRateLimitTest {

  private final MongoClient client = MongoClients.create(TestInfrastructure.get().mongoUri());
  private final MongoCollection<Document> limits =
      client.getDatabase("gateway-rate-limit-test").getCollection("rate_limits");
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-03T10:00:00Z"));
  private final Clock clock = new MovableClock(now);

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void twoReplicasTogetherAdmitTheBurstOnceAndThenTheRate() {
    String key = "token:" + UUID.randomUUID();
    RateLimit first = replica();
    RateLimit second = replica();

    int admitted = 0;
    for (int i = 0; i < 10; i++) {
      if ((i % 2 == 0 ? first : second).tryAcquire(key).allowed()) {
        admitted++;
      }
    }
    TokenBucket.Decision refused = second.tryAcquire(key);
    now.set(now.get().plus(Duration.ofSeconds(1)));
    boolean afterOneSecond = first.tryAcquire(key).allowed();
    boolean thenAgain = second.tryAcquire(key).allowed();

    assertThat(admitted).as("burst 5 across both replicas").isEqualTo(5);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    assertThat(afterOneSecond).as("one permit a second").isTrue();
    assertThat(thenAgain).isFalse();
  }

  @Test
  void withTheStoreGoneAReplicaLimitsOnItsOwn() throws IOException {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    try (MongoClient gone =
        MongoClients.create("mongodb://127.0.0.1:" + deadPort + "/?serverSelectionTimeoutMS=200")) {
      RateLimit replica =
          new SharedRateLimit(
              new MongoArrivalTimes(gone.getDatabase("x").getCollection("rate_limits")),
              new Gcra(2, 1),
              new RateLimiter(2, 1, 100, System::nanoTime),
              clock);

      assertThat(replica.tryAcquire("k").allowed()).isTrue();
      assertThat(replica.tryAcquire("k").allowed()).isTrue();
      assertThat(replica.tryAcquire("k").allowed()).as("its own limit still holds").isFalse();
    }
  }

  private RateLimit replica() {
    return new SharedRateLimit(
        new MongoArrivalTimes(limits),
        new Gcra(5, 1),
        new RateLimiter(5, 1, 100, System::nanoTime),
        clock);
  }

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    MovableClock(AtomicReference<Instant> now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
