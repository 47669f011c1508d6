package io.focussync.cli.claudetracker;

import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;
import io.focussync.cli.config.Login;
import io.focussync.cli.config.PrivateFiles;
import io.focussync.cli.http.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state file of one database: {@code <config dir>/state/<sha256 of the absolute path>.json}. It
 * belongs to one gateway and token (a hash of both is stored): for another login it starts empty.
 * Written atomically, owner-only; a lock file keeps two imports/watches of one database apart.
 */
public final class SyncStateStore implements AutoCloseable {

  private static final int VERSION = 1;

  private final Path file;
  private final String database;
  private final String target;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final SyncState state;

  private SyncStateStore(
      Path file,
      String database,
      String target,
      FileChannel lockChannel,
      FileLock lock,
      SyncState state) {
    this.file = file;
    this.database = database;
    this.target = target;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.state = state;
  }

  /**
   * Locks and loads the state of the database for the target (a hash of gateway URL and token).
   * Unreadable state is reported and replaced: everything is sent again (same ids, no duplicates).
   */
  public static SyncStateStore open(Path stateDir, Path database, String target, PrintWriter err)
      throws IOException {
    String path = database.toAbsolutePath().normalize().toString();
    String key = SessionIds.sha256Hex(path);
    PrivateFiles.createDirectories(stateDir);
    Path file = stateDir.resolve(key + ".json");
    FileChannel channel =
        FileChannel.open(
            stateDir.resolve(key + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new CliException(
          ExitCodes.FAILED,
          "Another focussync import or watch is working on " + path + "; try again when it ends.");
    }
    return new SyncStateStore(file, path, target, channel, lock, load(file, target, err));
  }

  /** The target of a login: a hash of the gateway URL and the token, never the token itself. */
  public static String target(Login login) {
    return SessionIds.sha256Hex(login.url() + "\n" + login.token());
  }

  public SyncState state() {
    return state;
  }

  /** Writes the state (temp file + move): a crash leaves the previous state, never a part. */
  public void save() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("version", VERSION);
    node.put("database", database);
    node.put("target", target);
    ArrayNode rows = node.putArray("rows");
    state
        .rows()
        .forEach(
            (sourcePath, sent) -> {
              ObjectNode row = rows.addObject();
              row.put("sourcePath", sourcePath);
              row.put("hash", sent.hash());
              ArrayNode ids = row.putArray("ids");
              sent.ids().forEach(ids::add);
            });
    ArrayNode deletes = node.putArray("pendingDeletes");
    state.pendingDeletes().forEach(deletes::add);
    try {
      PrivateFiles.writeAtomically(file, Json.MAPPER.writeValueAsBytes(node));
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILED, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    lockChannel.close();
  }

  private static SyncState load(Path file, String target, PrintWriter err) throws IOException {
    SyncState state = new SyncState();
    if (!Files.exists(file)) {
      return state;
    }
    try {
      JsonNode node = Json.MAPPER.readTree(Files.readAllBytes(file));
      if (node.path("version").asInt() != VERSION || !target.equals(Json.text(node, "target"))) {
        err.println(
            "The import state of this database was for another gateway or token: sending all.");
        return state;
      }
      for (JsonNode row : node.path("rows")) {
        List<String> ids = new ArrayList<>();
        row.path("ids").forEach(id -> ids.add(id.asString()));
        state
            .rows()
            .put(Json.text(row, "sourcePath"), new SyncState.Sent(Json.text(row, "hash"), ids));
      }
      node.path("pendingDeletes").forEach(id -> state.pendingDeletes().add(id.asString()));
      return state;
    } catch (JacksonException e) {
      err.println("Ignoring unreadable import state " + file + ": sending all again.");
      return new SyncState();
    }
  }
}
