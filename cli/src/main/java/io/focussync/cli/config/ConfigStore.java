package io.focussync.cli.config;

import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;
import io.focussync.cli.http.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The per-user configuration file: {@code $FOCUSSYNC_CONFIG}, else {@code
 * $XDG_CONFIG_HOME/focussync/config.json}, else {@code ~/.config/focussync/config.json}. It holds
 * the gateway URL and the token, so it is created owner-only (600). Import state lives in {@code
 * state/} beside it.
 */
public final class ConfigStore {

  private final Path file;
  private final Map<String, String> env;

  private ConfigStore(Path file, Map<String, String> env) {
    this.file = file;
    this.env = env;
  }

  /** The store the environment points at. */
  public static ConfigStore locate(Map<String, String> env) {
    String explicit = env.get("FOCUSSYNC_CONFIG");
    if (explicit != null && !explicit.isBlank()) {
      return new ConfigStore(Path.of(explicit).toAbsolutePath(), env);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
    return new ConfigStore(base.resolve("focussync").resolve("config.json").toAbsolutePath(), env);
  }

  public Path file() {
    return file;
  }

  /** Where per-database import state is kept. */
  public Path stateDir() {
    return file.getParent().resolve("state");
  }

  /** The stored login, if any (without environment overrides). */
  public Optional<Login> read() {
    try {
      JsonNode node = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      String url = Json.text(node, "url");
      String token = Json.text(node, "token");
      if (url == null || token == null) {
        throw new CliException(
            ExitCodes.USAGE, file + " lacks url or token: run 'focussync login' again");
      }
      return Optional.of(new Login(URI.create(url), token));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | JacksonException | IllegalArgumentException e) {
      throw new CliException(
          ExitCodes.USAGE,
          "cannot read " + file + " (" + e.getMessage() + "): run 'focussync login' again",
          e);
    }
  }

  /**
   * The login to use: {@code FOCUSSYNC_URL} and {@code FOCUSSYNC_TOKEN} override the stored ones.
   */
  public Login require() {
    return require(env.get("FOCUSSYNC_TOKEN"));
  }

  /** The login to use, with this token (when not blank) instead of the stored one. */
  public Login require(String tokenOverride) {
    Optional<Login> stored = read();
    String url = env.get("FOCUSSYNC_URL");
    String token = tokenOverride;
    if (url == null || url.isBlank()) {
      url = stored.map(login -> login.url().toString()).orElse(null);
    }
    if (token == null || token.isBlank()) {
      token = stored.map(Login::token).orElse(null);
    }
    if (url == null || token == null) {
      throw new NotLoggedInException(
          "Not logged in: run 'focussync login --url URL --token TOKEN' first (config: "
              + file
              + ").");
    }
    return new Login(GatewayUrls.parse(url), token);
  }

  /** Stores the login, replacing the file atomically; the file is owner-only from its creation. */
  public void write(Login login) throws IOException {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("url", login.url().toString());
    node.put("token", login.token());
    PrivateFiles.createDirectories(file.getParent());
    PrivateFiles.writeAtomically(
        file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
  }
}
