package io.focussync.cli.data;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * A MongoDB client for {@code export} and {@code import-data}: the given URI, else the local
 * stack's wire server on {@code 127.0.0.1:$FOCUSSYNC_MONGODB_PORT} (27017, deploy/local's
 * StackSettings).
 */
public final class StoreConnection {

  private static final int DEFAULT_PORT = 27017;

  // Without SLF4J the driver warns once on stderr through java.util.logging that it has no
  // logging; a command line has nothing to log it to anyway. Held so the setting is not collected.
  private static final Logger DRIVER_LOG = Logger.getLogger("org.mongodb.driver");

  private StoreConnection() {}

  /** The URI to use: the option's, else the local stack's. */
  public static String uri(String given, Map<String, String> env) {
    if (given != null && !given.isBlank()) {
      return given.strip();
    }
    String port = env.get("FOCUSSYNC_MONGODB_PORT");
    if (port == null || port.isBlank()) {
      return "mongodb://127.0.0.1:" + DEFAULT_PORT + "/";
    }
    try {
      int number = Integer.parseInt(port.strip());
      if (number > 0 && number < 65536) {
        return "mongodb://127.0.0.1:" + number + "/";
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw CliException.usage("FOCUSSYNC_MONGODB_PORT must be a port number, not '" + port + "'");
  }

  /** A client that has answered a ping; exit 3 when nothing answers within a few seconds. */
  public static MongoClient open(String uri) {
    DRIVER_LOG.setLevel(Level.OFF);
    ConnectionString connection;
    try {
      connection = new ConnectionString(uri);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(
          "not a MongoDB connection string: " + uri + " (" + e.getMessage() + ")");
    }
    MongoClient client =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(
                    cluster -> {
                      if (connection.getServerSelectionTimeout() == null) {
                        cluster.serverSelectionTimeout(5, TimeUnit.SECONDS);
                      }
                    })
                .build());
    try {
      client.getDatabase("admin").runCommand(new Document("ping", 1));
      return client;
    } catch (MongoTimeoutException e) {
      client.close();
      throw new CliException(
          ExitCodes.UNREACHABLE,
          "cannot reach MongoDB at "
              + connection.getHosts()
              + "; is the local stack running (./focussync start)?",
          e);
    } catch (MongoException e) {
      client.close();
      throw new CliException(
          ExitCodes.UNREACHABLE, "MongoDB at " + connection.getHosts() + ": " + e.getMessage(), e);
    }
  }
}
