package io.focussync.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * The admin token and the keys of the local stack: taken from the environment where set, otherwise
 * generated once and kept (owner-readable only) in the data folder, so a restart keeps them.
 */
public record StackSecrets(String adminToken, String secretKey, String internalAuthKey) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Loads the kept secrets, generating the missing ones. */
  public static StackSecrets loadOrCreate(Path dataDir, Map<String, String> env) {
    Path file = dataDir.resolve("secrets.properties");
    Properties kept = read(file);
    String admin = pick(env, kept, "FOCUSSYNC_ADMIN_TOKEN");
    String secret = pick(env, kept, "FOCUSSYNC_SECRET_KEY");
    String internal = pick(env, kept, "FOCUSSYNC_INTERNAL_AUTH_KEY");
    write(file, kept);
    return new StackSecrets(admin, secret, internal);
  }

  private static String pick(Map<String, String> env, Properties kept, String name) {
    String fromEnv = env.get(name);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    return kept.computeIfAbsent(name, key -> randomToken()).toString();
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Properties read(Path file) {
    Properties properties = new Properties();
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return properties;
  }

  private static void write(Path file, Properties properties) {
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.createFile(file);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system: the folder's own permissions protect it
        }
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        properties.store(out, "Focus Sync local stack secrets: keep private");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "StackSecrets[…]";
  }
}
