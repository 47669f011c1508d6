package io.focussync.cli.commands;

import io.focussync.cli.CliContext;
import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;
import io.focussync.cli.claudetracker.DatabaseUnavailableException;
import io.focussync.cli.claudetracker.PassResult;
import io.focussync.cli.claudetracker.SyncStateStore;
import io.focussync.cli.claudetracker.TrackerDatabase;
import io.focussync.cli.claudetracker.TrackerRow;
import io.focussync.cli.claudetracker.TrackerSync;
import io.focussync.cli.config.Login;
import io.focussync.cli.http.GatewayClient;
import io.focussync.cli.http.Problem;
import io.focussync.cli.imports.FileUpload;
import io.focussync.cli.imports.ImportFormat;
import io.focussync.cli.output.ProgressLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code import FILE}: sessions from a file, uploaded or (claude-tracker) sent in batches. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports sessions from a file. csv, ndjson and sqlite files are uploaded to the server"
          + " (POST /api/v1/imports); a claude-tracker database is read here and sent in batches"
          + " of at most 1000 sessions, with stable ids: importing it again sends only what"
          + " changed and deletes sessions whose rows are gone.",
      "Without --format the format is told from the file: a SQLite database with a sessions"
          + " table that has a source_path column is claude-tracker's, another SQLite database is"
          + " sqlite, else .csv, .ndjson / .jsonl."
    })
final class ImportCommand extends GatewayCommand {

  private static final int SHOWN_REJECTIONS = 20;

  @Parameters(paramLabel = "FILE", description = "the file to import")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      description = "claude-tracker, csv, ndjson or sqlite (default: told from the file)")
  ImportFormat format;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=VALUE",
      description =
          "a mapping parameter of the server's import, e.g. table=focus, startColumn=began,"
              + " projectField=project (csv, ndjson, sqlite)")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(
      names = "--time-zone",
      paramLabel = "ZONE",
      description = "IANA zone for local times without offset in the file (csv, ndjson, sqlite)")
  String timeZone;

  ImportCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw CliException.usage("cannot read " + file);
    }
    ImportFormat chosen = format != null ? format : ImportFormat.detect(file);
    if (chosen == ImportFormat.CLAUDE_TRACKER) {
      if (!parameters.isEmpty() || timeZone != null) {
        throw CliException.usage("--param and --time-zone are not used with claude-tracker");
      }
      return importTracker();
    }
    return upload(chosen);
  }

  private int upload(ImportFormat chosen) {
    JsonNode answer = FileUpload.upload(client(), file, chosen, parameters, timeZone);
    long accepted = answer.path("accepted").asLong();
    long rejected = answer.path("rejected").asLong();
    PrintWriter out = context.out();
    out.printf(
        "Imported %s (%s): %d accepted, %d rejected.%n",
        file.getFileName(), answer.path("format").asString(chosen.label()), accepted, rejected);
    List<String> errors = Problem.fieldErrors(answer.get("errors"));
    errors.forEach(error -> out.println("  " + error));
    if (answer.path("errorsTruncated").asBoolean(false)) {
      out.println("  (more rows were rejected than the server describes)");
    }
    return rejected > 0 ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private int importTracker() throws IOException {
    Login login = login();
    List<TrackerRow> rows = readTracker(file);
    try (SyncStateStore store =
        SyncStateStore.open(
            config().stateDir(), file, SyncStateStore.target(login), context.err())) {
      TrackerSync sync =
          new TrackerSync(
              new GatewayClient(login),
              store,
              ProgressLine.on(context.err(), context.errIsTerminal()));
      PassResult result = sync.pass(rows);
      PrintWriter out = context.out();
      out.println("claude-tracker " + file.getFileName() + ": " + result.summary() + ".");
      printRejections(out, result.rejected());
      return result.rejected().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  static List<TrackerRow> readTracker(Path file) {
    try {
      return TrackerDatabase.read(file);
    } catch (DatabaseUnavailableException e) {
      throw new CliException(
          e.reason() == DatabaseUnavailableException.Reason.BUSY
              ? ExitCodes.FAILED
              : ExitCodes.USAGE,
          e.getMessage()
              + (e.reason() == DatabaseUnavailableException.Reason.BUSY ? "; try again" : ""),
          e);
    }
  }

  static void printRejections(PrintWriter out, List<PassResult.Rejection> rejections) {
    rejections.stream()
        .limit(SHOWN_REJECTIONS)
        .forEach(
            rejection -> {
              out.println("  rejected " + rejection.sourcePath());
              rejection.messages().forEach(message -> out.println("    " + message));
            });
    if (rejections.size() > SHOWN_REJECTIONS) {
      out.println("  ... and " + (rejections.size() - SHOWN_REJECTIONS) + " more rows rejected");
    }
  }

  /** Converts --format values. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ImportFormat> {
    @Override
    public ImportFormat convert(String value) {
      try {
        return ImportFormat.parse(value);
      } catch (CliException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
