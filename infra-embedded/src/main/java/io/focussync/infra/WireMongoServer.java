package io.focussync.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A MongoDB wire-protocol server (mongo-java-server) that the real MongoDB Java Driver reaches over
 * a socket: in memory for tests, or H2 on disk for the local stack, so data survives a restart.
 * Both are mongo-java-server's own backends (on disk with {@link CopyingH2Backend}'s patch).
 * Expired documents of TTL indexes are deleted once a minute, as MongoDB's TTL monitor does.
 */
public final class WireMongoServer implements AutoCloseable {

  private final Path h2File;
  private final int port;
  private static final Duration TTL_SWEEP_EVERY = Duration.ofSeconds(60);

  private MongoServer server;
  private TtlMonitor ttl;

  private WireMongoServer(Path h2File, int port) {
    this.h2File = h2File;
    this.port = port;
  }

  /** A server that keeps its data in memory only. */
  public static WireMongoServer inMemory(int port) {
    WireMongoServer mongo = new WireMongoServer(null, port == 0 ? KraftBroker.freePort() : port);
    mongo.startServer();
    return mongo;
  }

  /**
   * A server that keeps its data in an H2 file under the folder. A file the wire server before
   * issue 19 wrote (its own index and document encoding, which H2Backend cannot read) is refused
   * with what to do.
   */
  public static WireMongoServer onDisk(Path dataDir, int port) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path file = dataDir.resolve("focussync.mv");
    WireMongoServer mongo = new WireMongoServer(file, port == 0 ? KraftBroker.freePort() : port);
    mongo.startServer();
    return mongo;
  }

  /** A connection string for the database, as the driver takes it. */
  public String uri(String database) {
    return "mongodb://127.0.0.1:" + port + "/" + database;
  }

  /** Stops the server and starts it again on the same port; in memory, data does not survive. */
  public synchronized void restart() {
    close();
    startServer();
  }

  @Override
  public synchronized void close() {
    if (ttl != null) {
      ttl.close();
      ttl = null;
    }
    if (server != null) {
      server.shutdownNow();
      server = null;
    }
  }

  private synchronized void startServer() {
    MongoBackend backend =
        h2File == null ? new MemoryBackend() : new CopyingH2Backend(h2File.toString());
    server = new MongoServer(backend);
    server.bind("127.0.0.1", port);
    ttl = new TtlMonitor(uri(""), TTL_SWEEP_EVERY);
  }

  /** Deletes what TTL indexes say has expired at {@code now}, at once; the number deleted. */
  public synchronized long sweepExpired(Instant now) {
    return ttl.sweep(now);
  }
}
