package io.focussync.cli.config;

import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The admin login of the local stack on this machine, found the way the stack itself finds its
 * settings (deploy/local: StackSettings, StackSecrets): gateway on {@code
 * http://localhost:$FOCUSSYNC_GATEWAY_PORT} (8080), admin token {@code $FOCUSSYNC_ADMIN_TOKEN} if
 * set, else the one kept in {@code $FOCUSSYNC_DATA_DIR/secrets.properties} (data dir default: the
 * repository's {@code .focussync}).
 *
 * @param tokenSource where the token came from, for messages (never the token itself)
 */
public record LocalStackLogin(Login login, Path dataDir, String tokenSource) {

  /** The file StackSecrets (deploy/local) keeps the generated secrets in, owner-only. */
  static final String SECRETS_FILE = "secrets.properties";

  /** The admin token's key in that file, and the variable that overrides it (StackSecrets). */
  static final String ADMIN_TOKEN = "FOCUSSYNC_ADMIN_TOKEN";

  private static final int DEFAULT_GATEWAY_PORT = 8080;

  /** Finds the local stack's gateway and admin token; exit 3 when the stack never ran here. */
  public static LocalStackLogin find(Map<String, String> env, Optional<Path> home) {
    Path dataDir = dataDir(env, home);
    URI url = GatewayUrls.parse("http://localhost:" + gatewayPort(env));
    String fromEnv = env.get(ADMIN_TOKEN);
    if (fromEnv != null && !fromEnv.isBlank()) {
      // the stack prefers the variable to its file too
      return new LocalStackLogin(new Login(url, fromEnv.strip()), dataDir, "$" + ADMIN_TOKEN);
    }
    Path file = dataDir.resolve(SECRETS_FILE);
    String token = read(file, dataDir).getProperty(ADMIN_TOKEN);
    if (token == null || token.isBlank()) {
      throw new CliException(
          ExitCodes.UNREACHABLE,
          file + " holds no admin token; run ./focussync start first (it creates one)");
    }
    return new LocalStackLogin(new Login(url, token.strip()), dataDir, file.toString());
  }

  private static Path dataDir(Map<String, String> env, Optional<Path> home) {
    String explicit = env.get("FOCUSSYNC_DATA_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit).toAbsolutePath();
    }
    return home.map(root -> root.resolve(".focussync").toAbsolutePath())
        .orElseThrow(
            () ->
                CliException.usage(
                    "the repository is unknown, so is its .focussync folder: run ./focussync from"
                        + " the repository, or set FOCUSSYNC_DATA_DIR"));
  }

  private static int gatewayPort(Map<String, String> env) {
    String value = env.get("FOCUSSYNC_GATEWAY_PORT");
    if (value == null || value.isBlank()) {
      return DEFAULT_GATEWAY_PORT;
    }
    try {
      int port = Integer.parseInt(value.strip());
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw CliException.usage("FOCUSSYNC_GATEWAY_PORT must be a port number, not '" + value + "'");
  }

  private static Properties read(Path file, Path dataDir) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
      return properties;
    } catch (NoSuchFileException e) {
      throw new CliException(
          ExitCodes.UNREACHABLE,
          "no local stack data in " + dataDir + "; run ./focussync start first");
    } catch (IOException | IllegalArgumentException e) {
      throw new CliException(ExitCodes.UNREACHABLE, "cannot read " + file + ": " + e, e);
    }
  }
}
