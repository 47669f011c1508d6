package io.focussync.cli.commands;

import com.mongodb.client.MongoClient;
import io.focussync.cli.CliContext;
import io.focussync.cli.CliException;
import io.focussync.cli.data.CopiedCollection;
import io.focussync.cli.data.DataExport;
import io.focussync.cli.data.StoreConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export DIR}: every database of the local stack's store as Extended JSON files. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes every database of the local stack's store (its MongoDB wire server, while the"
          + " stack runs) to DIR: DIR/<database>/<collection>.json, one document per line in"
          + " canonical MongoDB Extended JSON (what mongoimport reads), and"
          + " DIR/<database>/<collection>.indexes.json, the collection's indexes (TTL and unique"
          + " ones included) for import-data.",
      "DIR must be new or empty. Read it back with 'import-data DIR', into a fresh local stack or"
          + " a real MongoDB (--uri)."
    })
final class ExportCommand implements Callable<Integer> {

  private final CliContext context;

  @Parameters(paramLabel = "DIR", description = "a new or empty folder")
  Path dir;

  @Option(
      names = "--uri",
      paramLabel = "URI",
      description =
          "the MongoDB to read (default: the local stack's,"
              + " mongodb://127.0.0.1:$FOCUSSYNC_MONGODB_PORT/, port 27017)")
  String uri;

  ExportCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
      throw CliException.usage(dir + " exists and is not an empty folder: export into a new one");
    }
    String target = StoreConnection.uri(uri, context.env());
    try (MongoClient client = StoreConnection.open(target)) {
      Files.createDirectories(dir);
      List<CopiedCollection> exported = new DataExport(client).to(dir);
      CopiedCollection.report(context.out(), exported, "Exported", "to", dir);
      return 0;
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
