package io.focussync.localstack;

import io.focussync.infra.KraftBroker;
import io.focussync.infra.WireMongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole of Focus Sync on one machine, no Docker and no credentials: a real KRaft broker and a
 * MongoDB wire server (H2 on disk) in this JVM, the five services as child processes. Stops all of
 * them on Ctrl-C or SIGTERM.
 */
public final class LocalStack implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final StackSettings settings;
  private final StackSecrets secrets;
  private final Map<String, String> extraEnvironment;
  private KraftBroker broker;
  private WireMongoServer mongo;
  private List<ServiceProcess> services = List.of();

  public LocalStack(StackSettings settings, StackSecrets secrets) {
    this(settings, secrets, Map.of());
  }

  /** A stack whose services also get the extra environment (e.g. allow-lists for simulators). */
  public LocalStack(
      StackSettings settings, StackSecrets secrets, Map<String, String> extraEnvironment) {
    this.settings = settings;
    this.secrets = secrets;
    this.extraEnvironment = Map.copyOf(extraEnvironment);
  }

  public static void main(String[] args) throws InterruptedException {
    Path home = Path.of(System.getProperty("focussync.home", ".")).toAbsolutePath().normalize();
    StackSettings settings = StackSettings.from(System.getenv(), home);
    StackSecrets secrets = StackSecrets.loadOrCreate(settings.dataDir(), System.getenv());
    LocalStack stack = new LocalStack(settings, secrets);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stack.close();
                  stopped.countDown();
                }));
    long started = System.nanoTime();
    try {
      stack.start();
    } catch (RuntimeException e) {
      System.err.println("Focus Sync did not start: " + e.getMessage());
      System.exit(1);
    }
    String gateway = "http://127.0.0.1:" + settings.gatewayPort();
    System.out.printf(
        "%nFocus Sync is up (all healthy after %d s).%n  Dashboard:   %s/%n  Gateway:     %s%n"
            + "  Admin token: %s%n  Data:        %s%n  Logs:        %s%n"
            + "Next, in another terminal: sign in, create your user and act as them%n"
            + "  ./focussync login --local%n"
            + "  ./focussync users create ada --login%n"
            + "then connect Clockify and import your sessions (README.md, Quickstart).%n"
            + "Press Ctrl-C (or run './focussync stop') to stop everything.%n",
        Duration.ofNanos(System.nanoTime() - started).toSeconds(),
        gateway,
        gateway,
        secrets.adminToken(),
        settings.dataDir(),
        settings.dataDir().resolve("logs"));
    stopped.await();
  }

  /** Starts the infrastructure, then every service, and waits until all of them are healthy. */
  public void start() {
    writePidFile();
    broker = KraftBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort());
    mongo = WireMongoServer.onDisk(settings.dataDir().resolve("mongo"), settings.mongoPort());
    services = services();
    services.forEach(ServiceProcess::start);
    awaitHealthy();
  }

  private List<ServiceProcess> services() {
    return List.of(
        service("tracker-ingest", settings.ingestPort()),
        service("allocator", settings.allocatorPort()),
        service("clockify-connector", settings.clockifyPort()),
        service("notion-connector", settings.notionPort()),
        service("api-gateway", settings.gatewayPort()));
  }

  private ServiceProcess service(String name, int port) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(sharedEnvironment());
    env.putAll(extraEnvironment);
    env.put("FOCUSSYNC_" + name.toUpperCase().replace('-', '_') + "_PORT", String.valueOf(port));
    return new ServiceProcess(
        name,
        settings.home().resolve(name).resolve("target").resolve(name + ".jar"),
        port,
        env,
        settings.dataDir().resolve("logs").resolve(name + ".log"));
  }

  /** The environment every service gets: where the infrastructure and the other services are. */
  public Map<String, String> sharedEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("FOCUSSYNC_KAFKA_BOOTSTRAP", broker.bootstrapServers());
    env.put("FOCUSSYNC_MONGODB_URI", mongo.uri("").replaceAll("/$", ""));
    env.put("FOCUSSYNC_ADMIN_TOKEN", secrets.adminToken());
    env.put("FOCUSSYNC_SECRET_KEY", secrets.secretKey());
    env.put("FOCUSSYNC_INTERNAL_AUTH_KEY", secrets.internalAuthKey());
    env.put("FOCUSSYNC_GATEWAY_PORT", String.valueOf(settings.gatewayPort()));
    env.put("FOCUSSYNC_TRACKER_INGEST_URL", "http://127.0.0.1:" + settings.ingestPort());
    env.put("FOCUSSYNC_ALLOCATOR_URL", "http://127.0.0.1:" + settings.allocatorPort());
    env.put("FOCUSSYNC_CLOCKIFY_CONNECTOR_URL", "http://127.0.0.1:" + settings.clockifyPort());
    env.put("FOCUSSYNC_NOTION_CONNECTOR_URL", "http://127.0.0.1:" + settings.notionPort());
    return env;
  }

  /** The running service of that name, for tests that kill or restart it. */
  public ServiceProcess service(String name) {
    return services.stream()
        .filter(service -> service.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service " + name));
  }

  /** The stack's broker, for tests that restart it. */
  public KraftBroker broker() {
    return broker;
  }

  /** The stack's MongoDB server, for tests that restart it. */
  public WireMongoServer mongo() {
    return mongo;
  }

  /** Waits until every service answers healthy again, e.g. after a restart. */
  public void awaitHealthy() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    for (ServiceProcess service : services) {
      while (!service.isHealthy()) {
        if (!service.isAlive()) {
          throw new IllegalStateException(
              service.name() + " exited during start:\n" + service.logTail(40));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              service.name() + " was not healthy in time:\n" + service.logTail(40));
        }
        pause();
      }
      System.out.println("  " + service.name() + " is healthy on port " + service.port());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    }
  }

  private void writePidFile() {
    try {
      Files.createDirectories(settings.dataDir());
      Files.writeString(
          settings.dataDir().resolve("stack.pid"),
          String.valueOf(ProcessHandle.current().pid()),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    List<ServiceProcess> stopOrder = new ArrayList<>(services);
    Collections.reverse(stopOrder);
    stopOrder.forEach(service -> service.stop(Duration.ofSeconds(20)));
    services = List.of();
    if (mongo != null) {
      mongo.close();
      mongo = null;
    }
    if (broker != null) {
      broker.close();
      broker = null;
    }
    try {
      Files.deleteIfExists(settings.dataDir().resolve("stack.pid"));
    } catch (IOException ignored) {
      // a stale pid file is harmless: 'stop' checks that the process is alive
    }
  }
}
