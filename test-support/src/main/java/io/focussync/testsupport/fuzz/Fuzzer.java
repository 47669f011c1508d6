package io.focussync.testsupport.fuzz;

import io.focussync.testsupport.fuzz.MalformedRequests.Endpoint;
import io.focussync.testsupport.fuzz.MalformedRequests.Shape;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Sends {@link MalformedRequests} to a server over raw sockets, round-robin over its endpoints, and
 * collects every answer that breaks the property (see {@link MalformedRequests#problemWith}). The
 * seed is fixed unless {@code -Dfocussync.fuzz.seed=N} names another; it is printed with the
 * figures, and each failure shows its request, so that a failure can be replayed.
 */
public final class Fuzzer {

  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 20_261_120L;

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /** What a run adds to each request (e.g. a token), and what it learns from each answer. */
  public interface Caller {
    Map<String, String> headers(Endpoint endpoint);

    default void answered(Endpoint endpoint, Shape shape, RawHttp.Answer answer) {}
  }

  /** The seed of this run: {@code focussync.fuzz.seed} or the default. */
  public static long seed() {
    String given = System.getProperty("focussync.fuzz.seed");
    return given == null || given.isBlank() ? DEFAULT_SEED : Long.parseLong(given.trim());
  }

  /** Sends {@code count} requests and reports what came back. */
  public static Report run(
      String name, int port, long seed, int count, List<Endpoint> endpoints, Caller caller) {
    Random random = new Random(seed);
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      Endpoint endpoint = endpoints.get(i % endpoints.size());
      Shape shape = MalformedRequests.generate(random, endpoint);
      Map<String, String> headers = caller.headers(endpoint);
      RawHttp.Answer answer;
      try {
        answer = RawHttp.exchange(port, shape.encode(port, headers), shape.head(), TIMEOUT);
      } catch (IOException | RuntimeException e) {
        statuses.merge(-1, 1, Integer::sum);
        failures.add("#" + i + " no answer (" + e + ") to " + shape);
        continue;
      }
      statuses.merge(answer.status(), 1, Integer::sum);
      String problem = MalformedRequests.problemWith(shape, answer);
      if (problem != null) {
        failures.add("#" + i + " " + problem + " <- " + shape);
      }
      caller.answered(endpoint, shape, answer);
    }
    Report report =
        new Report(
            name,
            seed,
            count,
            endpoints.size(),
            statuses,
            failures,
            Duration.ofNanos(System.nanoTime() - started));
    System.out.println(report.summary());
    Map<String, Integer> kinds = new TreeMap<>();
    for (String failure : failures) {
      String kind = failure.substring(failure.indexOf(' ') + 1);
      int colon = kind.indexOf(':');
      kinds.merge(colon < 0 ? kind : kind.substring(0, colon), 1, Integer::sum);
    }
    kinds.forEach((kind, n) -> System.out.println("  " + n + " x " + kind));
    failures.stream().limit(60).forEach(f -> System.out.println("  FAIL " + f));
    return report;
  }

  /** The figures of a run. */
  public record Report(
      String name,
      long seed,
      int requests,
      int endpoints,
      Map<Integer, Integer> statuses,
      List<String> failures,
      Duration took) {

    public long count(int fromStatus, int toStatus) {
      return statuses.entrySet().stream()
          .filter(e -> e.getKey() >= fromStatus && e.getKey() <= toStatus)
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    public String summary() {
      return "%s: seed %d, %d malformed requests over %d endpoints in %.1f s: 2xx %d, 3xx %d, 4xx %d, 5xx %d, no answer %d; by status %s; %d broke the property"
          .formatted(
              name,
              seed,
              requests,
              endpoints,
              took.toMillis() / 1000.0,
              count(200, 299),
              count(300, 399),
              count(400, 499),
              count(500, 599),
              count(-1, -1),
              statuses,
              failures.size());
    }
  }
}
