package io.focussync.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Focus Sync service running as its own JVM process from its packaged jar. */
public final class ServiceProcess {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path jar;
  private final int port;
  private final Map<String, String> environment;
  private final Path logFile;
  private Process process;

  public ServiceProcess(
      String name, Path jar, int port, Map<String, String> environment, Path logFile) {
    this.name = name;
    this.jar = jar;
    this.port = port;
    this.environment = Map.copyOf(environment);
    this.logFile = logFile;
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  /** Starts the JVM, its output appended to the log file. */
  public synchronized void start() {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(name + " is not built: " + jar + " is missing");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
    // Later options win: FOCUSSYNC_JVM_OPTIONS can raise the heap, or add a profiler.
    command.addAll(extraOptions());
    command.addAll(List.of("-jar", jar.toString()));
    try {
      Files.createDirectories(logFile.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  private static List<String> extraOptions() {
    String options = System.getenv("FOCUSSYNC_JVM_OPTIONS");
    if (options == null || options.isBlank()) {
      return List.of();
    }
    return List.of(options.trim().split("\\s+"));
  }

  /** True once the service answers its health endpoint with UP. */
  public boolean isHealthy() {
    if (process == null || !process.isAlive()) {
      return false;
    }
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
              .timeout(Duration.ofSeconds(2))
              .build();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Asks the service to stop (SIGTERM), then forces it after the grace period. */
  public synchronized void stop(Duration grace) {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    process = null;
  }

  /** Kills the service at once (SIGKILL), as a crash would. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  public Path logFile() {
    return logFile;
  }

  /** The last lines of the service's log, to say why it failed. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile);
      return logFile
          + ":\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return logFile + " (unreadable: " + e.getMessage() + ")";
    }
  }
}
