package io.focussync.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.infra.KraftBroker;
import io.focussync.testsupport.TestHttp;
import io.focussync.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * N sessions with random faults (invalid items mixed in, the broker restarted mid-run and later
 * down for a while, clients retrying 503s with their Idempotency-Key): exactly the accepted
 * sessions are on the topic, and none of the rejected ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NothingAcceptedIsMissingTest {

  private static final int VALID = 400;
  private static final int INVALID = 80;

  @LocalServerPort int port;

  @Test
  void everyAcceptedSessionIsOnTheTopicAndNoRejectedOne() throws Exception {
    assumeTrue(TestInfrastructure.get().embeddedBroker().isPresent(), "needs the in-JVM broker");
    KraftBroker broker = TestInfrastructure.get().embeddedBroker().get();
    IngestApi api = new IngestApi(port);
    String user = IngestApi.newUser();
    Random random = new Random(42);
    List<String> requests = new ArrayList<>();
    for (int i = 0; i < VALID; i++) {
      requests.add(IngestApi.session("ok-" + i, "p" + random.nextInt(5)));
    }
    for (int i = 0; i < INVALID; i++) {
      requests.add(IngestApi.session("bad-" + i, random.nextBoolean() ? " " : "p", "x", "y"));
    }
    Collections.shuffle(requests, random);

    Map<String, Integer> attempts = new ConcurrentHashMap<>();
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    Set<String> rejected = ConcurrentHashMap.newKeySet();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger unavailable = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(6);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      String body = requests.get(i);
      String key = "k-" + i;
      futures.add(
          clients.submit(
              () -> {
                await()
                    .atMost(Duration.ofSeconds(120))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                        () -> {
                          attempts.merge(key, 1, Integer::sum);
                          TestHttp.Response response =
                              api.send(
                                  "POST",
                                  "/api/v1/sessions",
                                  user,
                                  body,
                                  Map.of("Idempotency-Key", key));
                          if (response.status() == 202) {
                            accepted.add(idOf(body));
                          } else if (response.status() == 400) {
                            rejected.add(idOf(body));
                          } else {
                            assertThat(response.status()).isIn(503, 409);
                            unavailable.incrementAndGet();
                            return false;
                          }
                          return true;
                        });
                done.incrementAndGet();
              }));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> done.get() >= requests.size() / 4);
    broker.restart(); // a quick restart: in-flight requests ride it out
    await().atMost(Duration.ofSeconds(60)).until(() -> done.get() >= requests.size() / 2);
    broker.close(); // an outage: requests get 503 and their clients retry with the same key
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> unavailable.get() >= 3);
    } finally {
      broker.restart();
    }
    for (Future<?> future : futures) {
      future.get(180, TimeUnit.SECONDS);
    }
    clients.shutdown();

    assertThat(accepted).hasSize(VALID);
    assertThat(rejected).hasSize(INVALID);
    List<SessionRecorded> events =
        IngestApi.recorded(IngestApi.events(Set.of(user), Duration.ofSeconds(3)));
    Map<String, Long> perSession =
        events.stream()
            .collect(Collectors.groupingBy(SessionRecorded::sourceId, Collectors.counting()));
    assertThat(perSession.keySet()).containsExactlyInAnyOrderElementsOf(accepted);
    // A session is on the topic once per attempt at most (an unknown outcome may land twice,
    // with the same session id, which a consumer applies as a replacement).
    assertThat(events.size()).isBetween(VALID, VALID + unavailable.get());
    assertThat(unavailable.get()).as("the outage was seen by clients").isPositive();
    System.out.printf(
        "accepted=%d rejected=%d 503s=%d events=%d%n",
        accepted.size(), rejected.size(), unavailable.get(), events.size());
  }

  private static String idOf(String body) {
    Function<String, String> id = b -> b.substring(b.indexOf("\"id\":\"") + 6);
    String rest = id.apply(body);
    return rest.substring(0, rest.indexOf('"'));
  }
}
