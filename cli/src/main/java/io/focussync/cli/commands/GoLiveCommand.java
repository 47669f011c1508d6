package io.focussync.cli.commands;

import io.focussync.cli.CliContext;
import io.focussync.cli.ExitCodes;
import io.focussync.cli.http.Json;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code go-live}: pushes to Clockify the days a dry run previewed, once the connection is live.
 */
@Command(
    name = "go-live",
    mixinStandardHelpOptions = true,
    description = {
      "Pushes to Clockify the days your dry run previewed. Connect Clockify live first",
      "(connect clockify --workspace ID, without --dry-run); days planned after that go live by",
      "themselves. Asking again pushes nothing twice."
    })
final class GoLiveCommand extends GatewayCommand {

  @Option(
      names = "--from",
      paramLabel = "DATE",
      converter = Dates.class,
      description = "first day, YYYY-MM-DD (default: 30 days before --to)")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      converter = Dates.class,
      description = "last day, YYYY-MM-DD (default: today)")
  LocalDate to;

  @Option(names = "--json", description = "print the server's answer as JSON")
  boolean json;

  GoLiveCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    LocalDate last = to != null ? to : LocalDate.now(context.clock());
    LocalDate first = from != null ? from : last.minusDays(30);
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("from", first.toString());
    body.put("to", last.toString());
    JsonNode answer = client().post("/api/v1/connections/clockify/go-live", body, true);
    if (json) {
      printJson(answer);
      return ExitCodes.OK;
    }
    JsonNode days = answer.path("days");
    if (days.isEmpty()) {
      context.out().println("No previewed days from " + first + " to " + last + " to push.");
      return ExitCodes.OK;
    }
    context.out().println("Pushing " + days.size() + " previewed day(s) to Clockify:");
    days.forEach(day -> context.out().println("  " + day.asString()));
    context.out().println("Follow them with: ./focussync status DATE, or ./focussync history");
    return ExitCodes.OK;
  }
}
