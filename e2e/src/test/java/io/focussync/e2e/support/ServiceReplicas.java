package io.focussync.e2e.support;

import io.focussync.localstack.LocalStack;
import io.focussync.localstack.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Several replicas of a service, each its own JVM from the packaged jar, on the stack's broker and
 * store, with the stack's environment. Replica 1 of every service is the stack's own process, on
 * the port the gateway routes to; the others get free ports and only the gateway never reaches them
 * (they consume Kafka, and tests may call them directly, see {@link InternalApi}). A replica can be
 * started on the routed port once the one there has stopped, so the gateway reaches the service
 * again. Each replica {@code n} of a service logs to {@code target/e2e-stack/<service>-<n>/logs/}.
 *
 * <p>{@link #restore()} leaves the stack as the other scenarios expect it: every added replica
 * stopped, the stack's own processes running with their own configuration.
 */
public final class ServiceReplicas {

  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

  private final E2eStack stack;
  private final Map<String, Integer> lastNumber = new HashMap<>();
  private final List<Replica> added = new ArrayList<>();
  private final Map<String, Replica> stackOwn = new LinkedHashMap<>();

  ServiceReplicas(E2eStack stack) {
    this.stack = stack;
  }

  /** Replica 1: the stack's own process of the service, on the routed port. */
  public synchronized Replica stackReplica(String service) {
    return stackOwn.computeIfAbsent(
        service, name -> new Replica(name, 1, stack.processes().service(name), true));
  }

  /**
   * Starts a new replica of the service on a free port, with the stack's environment and the
   * overrides (environment variables, e.g. {@code FOCUSSYNC_CLOCKIFY_CLIENT_REQUESTTIMEOUT}). Does
   * not wait: see {@link #awaitHealthy(Collection)}.
   */
  public Replica add(String service, Map<String, String> overrides) {
    return launch(service, freePort(), false, overrides);
  }

  /**
   * Starts a new replica on the port the gateway routes the service to; whatever ran there must
   * have stopped (stop or kill it first).
   */
  public Replica addRouted(String service, Map<String, String> overrides) {
    for (Replica replica : running(service)) {
      if (replica.routed()) {
        throw new IllegalStateException(
            "replica " + replica.number() + " of " + service + " still holds the routed port");
      }
    }
    return launch(service, routedPort(service), true, overrides);
  }

  /** The replica listening on the routed port now, if any. */
  public synchronized Replica routedReplica(String service) {
    return running(service).stream().filter(Replica::routed).findFirst().orElse(null);
  }

  /** The replicas of a service whose process is alive (the stack's own included), by number. */
  public synchronized List<Replica> running(String service) {
    List<Replica> alive = new ArrayList<>();
    Replica own = stackReplica(service);
    if (own.isAlive()) {
      alive.add(own);
    }
    added.stream()
        .filter(replica -> replica.service().equals(service) && replica.isAlive())
        .forEach(alive::add);
    return alive;
  }

  /** Waits until every one of the replicas answers healthy; fails with the log of one that died. */
  public void awaitHealthy(Collection<Replica> replicas) {
    for (Replica replica : replicas) {
      Awaitility.await("replica " + replica + " healthy")
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                if (!replica.isAlive()) {
                  throw new IllegalStateException(
                      replica + " exited during start:\n" + replica.logTail(40));
                }
                return replica.isHealthy();
              });
    }
  }

  /** Starts a replica and waits until it is healthy. */
  public Replica addAndAwait(String service, Map<String, String> overrides) {
    Replica replica = add(service, overrides);
    awaitHealthy(List.of(replica));
    return replica;
  }

  /**
   * Stops every replica this started (SIGTERM, then waits), and starts the stack's own processes
   * again where they are down, with their own configuration; waits until the stack is healthy.
   */
  public void restore() {
    List<Replica> toStop;
    synchronized (this) {
      toStop = new ArrayList<>(added);
      added.clear();
    }
    toStop.forEach(Replica::stop);
    LocalStack processes = stack.processes();
    for (String service : List.copyOf(stackOwn.keySet())) {
      ServiceProcess own = processes.service(service);
      if (!own.isAlive()) {
        own.start();
      }
    }
    processes.awaitHealthy();
  }

  private Replica launch(String service, int port, boolean routed, Map<String, String> overrides) {
    stackReplica(service);
    int number;
    synchronized (this) {
      number = lastNumber.merge(service, 2, (previous, two) -> previous + 1);
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(stack.processes().sharedEnvironment());
    env.putAll(stack.serviceEnvironment());
    env.put(portVariable(service), String.valueOf(port));
    env.putAll(overrides);
    Path log =
        Path.of("target", "e2e-stack", service + "-" + number, "logs", service + ".log")
            .toAbsolutePath();
    try {
      // numbers start again in every test JVM: a log of an earlier run is not this replica's
      Files.deleteIfExists(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ServiceProcess process =
        new ServiceProcess(
            service,
            stack.settings().home().resolve(service).resolve("target").resolve(service + ".jar"),
            port,
            env,
            log);
    Replica replica = new Replica(service, number, process, routed);
    synchronized (this) {
      added.add(replica);
    }
    process.start();
    return replica;
  }

  private int routedPort(String service) {
    var settings = stack.settings();
    return switch (service) {
      case "tracker-ingest" -> settings.ingestPort();
      case "allocator" -> settings.allocatorPort();
      case "clockify-connector" -> settings.clockifyPort();
      case "notion-connector" -> settings.notionPort();
      case "api-gateway" -> settings.gatewayPort();
      default -> throw new IllegalArgumentException("no service " + service);
    };
  }

  private static String portVariable(String service) {
    return "FOCUSSYNC_" + service.toUpperCase().replace('-', '_') + "_PORT";
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One process of a service. */
  public static final class Replica {
    private final String service;
    private final int number;
    private final ServiceProcess process;
    private final boolean routed;

    Replica(String service, int number, ServiceProcess process, boolean routed) {
      this.service = service;
      this.number = number;
      this.process = process;
      this.routed = routed;
    }

    public String service() {
      return service;
    }

    /** 1 for the stack's own process, 2, 3, … for the ones started here, in order. */
    public int number() {
      return number;
    }

    public int port() {
      return process.port();
    }

    /** Whether this replica listens on the port the gateway routes the service to. */
    public boolean routed() {
      return routed;
    }

    /** The replica's own base URL (for calls that bypass the gateway). */
    public String url() {
      return "http://127.0.0.1:" + process.port();
    }

    public boolean isAlive() {
      return process.isAlive();
    }

    public boolean isHealthy() {
      return process.isHealthy();
    }

    /**
     * Stops the replica gracefully: SIGTERM, then waits for it to exit (forced only after 30 s,
     * which a graceful shutdown never needs).
     */
    public void stop() {
      process.stop(GRACE);
    }

    /** Kills the replica at once (SIGKILL), as a crash or an OOM kill would. */
    public void kill() {
      process.kill();
    }

    public Path logFile() {
      return process.logFile();
    }

    public String logTail(int lines) {
      return process.logTail(lines);
    }

    @Override
    public String toString() {
      return service + "-" + number + " (port " + process.port() + (routed ? ", routed" : "") + ")";
    }
  }
}
