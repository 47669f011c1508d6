package io.focussync.e2e.support;

import io.focussync.localstack.LocalStack;
import io.focussync.localstack.StackSecrets;
import io.focussync.localstack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged services as processes on a real in-JVM broker and MongoDB wire server, started once
 * per e2e JVM and shared by the scenarios (each uses its own users). Extra environment points the
 * connectors at the simulators.
 */
public final class E2eStack {

  private static E2eStack shared;

  private final LocalStack stack;
  private final StackSettings settings;
  private final StackSecrets secrets;
  private final Map<String, String> serviceEnvironment;
  private ServiceReplicas replicas;

  private E2eStack(
      LocalStack stack,
      StackSettings settings,
      StackSecrets secrets,
      Map<String, String> serviceEnvironment) {
    this.stack = stack;
    this.settings = settings;
    this.secrets = secrets;
    this.serviceEnvironment = Map.copyOf(serviceEnvironment);
  }

  /** The stack of this JVM, started on first use with the given extra service environment. */
  public static synchronized E2eStack start(Map<String, String> serviceEnvironment) {
    if (shared == null) {
      Map<String, String> env = freePortEnvironment();
      env.put(
          "FOCUSSYNC_DATA_DIR",
          Path.of("target", "e2e-stack", String.valueOf(System.nanoTime()))
              .toAbsolutePath()
              .toString());
      StackSettings settings = StackSettings.from(env, Path.of("..").toAbsolutePath().normalize());
      StackSecrets secrets = StackSecrets.loadOrCreate(settings.dataDir(), env);
      LocalStack stack = new LocalStack(settings, secrets, serviceEnvironment);
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
      stack.start();
      shared = new E2eStack(stack, settings, secrets, serviceEnvironment);
    }
    return shared;
  }

  /** The gateway's base URL. */
  public String gatewayUrl() {
    return "http://127.0.0.1:" + settings.gatewayPort();
  }

  /** A client of the public API acting as the admin. */
  public GatewayApi admin() {
    return new GatewayApi(gatewayUrl(), secrets.adminToken());
  }

  /** The processes and infrastructure, for scenarios that kill or restart them. */
  public LocalStack processes() {
    return stack;
  }

  /**
   * More processes of the services beside the stack's own (replica 1 of each, the one the gateway
   * routes to), for scenarios with several replicas.
   */
  public synchronized ServiceReplicas replicas() {
    if (replicas == null) {
      replicas = new ServiceReplicas(this);
    }
    return replicas;
  }

  /** Where the stack was started from and which ports it uses. */
  public StackSettings settings() {
    return settings;
  }

  /** The key the gateway signs user identities with for the services. */
  public String internalAuthKey() {
    return secrets.internalAuthKey();
  }

  /** The extra environment every service of this stack got (simulator allow-lists and such). */
  public Map<String, String> serviceEnvironment() {
    return serviceEnvironment;
  }

  /** Free ports for the broker, the store and every service, as the local stack reads them. */
  public static Map<String, String> freePortEnvironment() {
    Map<String, String> env = new HashMap<>();
    for (String name :
        List.of(
            "KAFKA",
            "MONGODB",
            "GATEWAY",
            "TRACKER_INGEST",
            "ALLOCATOR",
            "CLOCKIFY_CONNECTOR",
            "NOTION_CONNECTOR")) {
      try (ServerSocket socket = new ServerSocket(0)) {
        env.put("FOCUSSYNC_" + name + "_PORT", String.valueOf(socket.getLocalPort()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return env;
  }
}
