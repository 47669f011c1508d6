package io.focussync.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Throughput through the real (in-JVM) broker: accepted single posts per second and sessions per
 * second in batches of 1000. Not a test: excluded from surefire, run by hand with {@code ./mvnw -pl
 * tracker-ingest verify -Dtest=IngestBenchmark}; the figures go into README.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestBenchmark {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @LocalServerPort int port;

  @Test
  void throughput() throws Exception {
    Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 5));
    Duration measure = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));

    run("single posts", 32, warmup, 1);
    double posts = 0;
    for (String clients : System.getProperty("bench.clients", "1,32,128").split(",")) {
      posts = Math.max(posts, run("single posts", Integer.parseInt(clients.trim()), measure, 1));
    }
    run("batches of 1000", 4, warmup, 1000);
    double sessions = 0;
    for (String clients : System.getProperty("bench.batch-clients", "1,4").split(",")) {
      sessions =
          Math.max(
              sessions, run("batches of 1000", Integer.parseInt(clients.trim()), measure, 1000));
    }

    System.out.printf(
        "BENCHMARK best: %.0f single posts/s; %.0f sessions/s in batches%n", posts, sessions);
    assertThat(posts).isPositive();
    assertThat(sessions).isPositive();
  }

  private double run(String name, int clients, Duration duration, int batchSize) throws Exception {
    String body;
    String path;
    if (batchSize == 1) {
      path = "/api/v1/sessions";
      body = IngestApi.session(null, "bench");
    } else {
      path = "/api/v1/sessions/batch";
      StringBuilder batch = new StringBuilder("{\"sessions\":[");
      for (int i = 0; i < batchSize; i++) {
        batch.append(i == 0 ? "" : ",").append(IngestApi.session(null, "bench" + (i % 13)));
      }
      body = batch.append("]}").toString();
    }
    AtomicLong accepted = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long deadline = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(
          pool.submit(
              () -> {
                String user = IngestApi.newUser(); // users spread over the topic's partitions
                while (System.nanoTime() < deadline) {
                  HttpRequest.Builder request =
                      HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                          .POST(HttpRequest.BodyPublishers.ofString(body))
                          .header("Content-Type", "application/json");
                  IngestApi.signed(user).forEach(request::header);
                  try {
                    HttpResponse<Void> response =
                        CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 202) {
                      accepted.addAndGet(batchSize);
                    } else {
                      failed.incrementAndGet();
                    }
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    double rate = accepted.get() / seconds;
    System.out.printf(
        "BENCHMARK %s, %d clients: %d accepted in %.1f s = %.0f/s, %d failed%n",
        name, clients, accepted.get(), seconds, rate, failed.get());
    return rate;
  }
}
