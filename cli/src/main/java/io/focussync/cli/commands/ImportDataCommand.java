package io.focussync.cli.commands;

import com.mongodb.client.MongoClient;
import io.focussync.cli.CliContext;
import io.focussync.cli.CliException;
import io.focussync.cli.data.CopiedCollection;
import io.focussync.cli.data.DataImport;
import io.focussync.cli.data.StoreConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import-data DIR}: writes an export back into the local stack's store or a MongoDB. */
@Command(
    name = "import-data",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a folder written by 'export' (DIR/<database>/<collection>.json, Extended JSON"
          + " lines, and <collection>.indexes.json) into the running local stack's store, or into"
          + " the MongoDB given by --uri: every document with its exact BSON types, then the"
          + " indexes.",
      "A collection that already holds documents is refused (exit 1, nothing written) unless"
          + " --drop is given, which replaces each collection of the export. Collections that are"
          + " not in the export are left alone."
    })
final class ImportDataCommand implements Callable<Integer> {

  private final CliContext context;

  @Parameters(paramLabel = "DIR", description = "a folder written by ./focussync export")
  Path dir;

  @Option(names = "--drop", description = "drop each collection of the export before writing it")
  boolean drop;

  @Option(
      names = "--uri",
      paramLabel = "URI",
      description =
          "the MongoDB to write to (default: the local stack's,"
              + " mongodb://127.0.0.1:$FOCUSSYNC_MONGODB_PORT/, port 27017)")
  String uri;

  ImportDataCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(dir)) {
      throw CliException.usage(dir + " is not a folder (one made by ./focussync export)");
    }
    String target = StoreConnection.uri(uri, context.env());
    try (MongoClient client = StoreConnection.open(target)) {
      List<CopiedCollection> imported = new DataImport(client).from(dir, drop);
      CopiedCollection.report(context.out(), imported, "Imported", "from", dir);
      return 0;
    }
  }
}
