package io.focussync.cli.commands;

import io.focussync.cli.CliContext;
import io.focussync.cli.ExitCodes;
import io.focussync.cli.http.Json;
import io.focussync.cli.output.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code history}: the sync runs of a date range (what was pushed to Clockify, and when). */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Lists the sync runs of your days: each revision pushed to Clockify.")
final class HistoryCommand extends GatewayCommand {

  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Option(
      names = "--from",
      paramLabel = "DATE",
      converter = Dates.class,
      description = "first day, YYYY-MM-DD (default: 6 days before --to)")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      converter = Dates.class,
      description = "last day, YYYY-MM-DD (default: today)")
  LocalDate to;

  @Option(names = "--json", description = "print the server's answer as JSON")
  boolean json;

  HistoryCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    LocalDate last = to != null ? to : LocalDate.now(context.clock());
    LocalDate first = from != null ? from : last.minusDays(6);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("from", first.toString());
    query.put("to", last.toString());
    JsonNode answer = client().get("/api/v1/sync/history", query);
    if (json) {
      printJson(answer);
      return ExitCodes.OK;
    }
    Table table =
        new Table()
            .column("DATE", 10)
            .column("REV", 6, Table.Keep.START, true)
            .column("AT", 19)
            .column("CREATED", 7, Table.Keep.START, true)
            .column("UPDATED", 7, Table.Keep.START, true)
            .column("DELETED", 7, Table.Keep.START, true)
            .column("FAILED", 6, Table.Keep.START, true)
            .column("MODE", 7)
            .column("STATUS", 12)
            .column("ERROR", 60);
    for (JsonNode run : answer.path("runs")) {
      table.row(
          Json.text(run, "date"),
          Json.text(run, "revision"),
          localTime(Json.text(run, "at")),
          Json.text(run, "created"),
          Json.text(run, "updated"),
          Json.text(run, "deleted"),
          Json.text(run, "failed"),
          run.path("dryRun").asBoolean(false) ? "dry run" : "live",
          Json.text(run, "status"),
          Json.text(run, "error"));
    }
    if (table.isEmpty()) {
      context.out().println("No sync runs from " + first + " to " + last + ".");
      return ExitCodes.OK;
    }
    table.print(context.out(), "");
    return ExitCodes.OK;
  }

  private String localTime(String instant) {
    if (instant == null) {
      return null;
    }
    try {
      ZoneId zone = context.clock().getZone();
      return AT.format(Instant.parse(instant).atZone(zone));
    } catch (DateTimeParseException e) {
      return instant;
    }
  }
}
