package io.focussync.cli.commands;

import io.focussync.cli.CliContext;
import io.focussync.cli.ExitCodes;
import io.focussync.cli.http.Json;
import io.focussync.cli.output.Formats;
import io.focussync.cli.output.Table;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code sessions}: the user's sessions in a date range, as a table or JSON. */
@Command(
    name = "sessions",
    mixinStandardHelpOptions = true,
    description = "Lists your sessions that overlap the dates (in your time zone).")
final class SessionsCommand extends GatewayCommand {

  @Option(
      names = "--from",
      paramLabel = "DATE",
      converter = Dates.class,
      description = "first day, YYYY-MM-DD (default: today)")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      converter = Dates.class,
      description = "last day, YYYY-MM-DD (default: --from)")
  LocalDate to;

  @Option(names = "--json", description = "print the server's answer as JSON")
  boolean json;

  SessionsCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    LocalDate first = from != null ? from : LocalDate.now(context.clock());
    LocalDate last = to != null ? to : first;
    Map<String, String> query = new LinkedHashMap<>();
    query.put("from", first.toString());
    query.put("to", last.toString());
    JsonNode answer = client().get("/api/v1/sessions", query);
    if (json) {
      printJson(answer);
      return ExitCodes.OK;
    }
    Table table =
        new Table()
            .column("START", 16)
            .column("END", 16)
            .column("SPAN", 8, Table.Keep.START, true)
            .column("PROJECT", 40, Table.Keep.END, false)
            .column("TITLE", 40)
            .column("ID", 64, Table.Keep.END, false);
    long total = 0;
    for (JsonNode session : answer.path("sessions")) {
      String start = Json.text(session, "start");
      String end = Json.text(session, "end");
      long span = Formats.secondsBetween(start, end);
      total += Math.max(0, span);
      boolean sameDay = start != null && end != null && start.regionMatches(0, end, 0, 10);
      table.row(
          Formats.dateTime(start),
          sameDay ? Formats.time(end) : Formats.dateTime(end),
          span < 0 ? null : Formats.duration(span),
          Json.text(session, "projectKey"),
          Json.text(session, "title"),
          Json.text(session, "id"));
    }
    String range = first.equals(last) ? "on " + first : "from " + first + " to " + last;
    if (table.isEmpty()) {
      context.out().println("No sessions " + range + ".");
      return ExitCodes.OK;
    }
    table.print(context.out(), "");
    int count = answer.path("sessions").size();
    context
        .out()
        .println(
            count
                + (count == 1 ? " session " : " sessions ")
                + range
                + ", "
                + Formats.duration(total)
                + " in all.");
    return ExitCodes.OK;
  }
}
