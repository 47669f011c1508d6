package io.focussync.cli.commands;

import io.focussync.cli.CliContext;
import io.focussync.cli.ExitCodes;
import io.focussync.cli.http.ApiException;
import io.focussync.cli.http.GatewayClient;
import io.focussync.cli.http.Json;
import io.focussync.cli.output.Formats;
import io.focussync.cli.output.Table;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code status [DATE]}: one day's buckets, plan and sync state. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Shows a day: the tracked time per bucket, the planned Clockify entries and what was"
            + " synced.")
final class StatusCommand extends GatewayCommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DATE",
      converter = Dates.class,
      description = "the day, YYYY-MM-DD (default: today in your time zone)")
  LocalDate date;

  @Option(names = "--json", description = "print the server's answer as JSON")
  boolean json;

  StatusCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    GatewayClient client = client();
    LocalDate day = date != null ? date : today(client);
    JsonNode view = client.get("/api/v1/days/" + day, Map.of());
    if (json) {
      printJson(view);
      return ExitCodes.OK;
    }
    render(view, context.out());
    return ExitCodes.OK;
  }

  private LocalDate today(GatewayClient client) {
    try {
      String zone = Json.text(client.get("/api/v1/settings/allocation", Map.of()), "timeZone");
      if (zone != null) {
        return LocalDate.now(context.clock().withZone(ZoneId.of(zone)));
      }
    } catch (ApiException | DateTimeException e) {
      if (e instanceof ApiException api && api.authRefused()) {
        throw api;
      }
      // no settings to go by: the local date
    }
    return LocalDate.now(context.clock());
  }

  static void render(JsonNode view, PrintWriter out) {
    String date = Json.text(view, "date", "?");
    String weekday = weekday(date);
    out.printf(
        "%s%s  %s  %s%s%n",
        date,
        weekday == null ? "" : " (" + weekday + ")",
        Json.text(view, "timeZone", ""),
        view.path("workday").asBoolean(true) ? "workday" : "not a workday",
        view.path("lateChanges").asBoolean(false) ? "  (late changes)" : "");
    out.println("Status: " + Json.text(view, "status", "?"));

    JsonNode buckets = view.path("buckets");
    out.println();
    if (buckets.isEmpty()) {
      out.println("Buckets: none (no sessions)");
    } else {
      out.println("Buckets");
      Table table =
          new Table()
              .column("BUCKET / PROJECT KEY", 40, Table.Keep.END, false)
              .column("PROJECT", 26)
              .column("TRACKED", 8, Table.Keep.START, true)
              .column("SHARE", 6, Table.Keep.START, true)
              .column("RULE", 50);
      for (JsonNode bucket : buckets) {
        table.row(
            Json.text(bucket, "bucket"),
            Json.text(bucket, "projectId"),
            Formats.duration(bucket.path("trackedSeconds").asLong()),
            Formats.percent(bucket.path("share").asDouble()),
            Json.text(bucket, "rule"));
        // the project keys in the bucket, each with the rule that put it there
        for (JsonNode key : bucket.path("keys")) {
          table.row(
              "  " + Json.text(key, "projectKey", "?"),
              "",
              Formats.duration(key.path("trackedSeconds").asLong()),
              "",
              Json.text(key, "rule", ""));
        }
      }
      table.print(out, "  ");
    }

    JsonNode plan = view.path("plan");
    out.println();
    if (plan.isMissingNode() || plan.isNull()) {
      out.println("Plan: none");
    } else {
      String revision = Json.text(plan, "revision");
      boolean pushed = plan.path("pushed").asBoolean(revision != null);
      out.printf(
          "Plan: %s, %s, %s%n",
          revision == null ? "not yet a revision" : "revision " + revision,
          Json.text(plan, "mode", "?"),
          pushed ? "pushed" : "waiting (day end or approval)");
      Table table =
          new Table()
              .column("SLOT", 24)
              .column("START", 5)
              .column("END", 5)
              .column("PROJECT", 26)
              .column("DESCRIPTION", 50);
      for (JsonNode entry : plan.path("entries")) {
        table.row(
            Json.text(entry, "slot"),
            Formats.time(Json.text(entry, "start")),
            Formats.time(Json.text(entry, "end")),
            Json.text(entry, "projectId"),
            Json.text(entry, "description"));
      }
      if (!table.isEmpty()) {
        table.print(out, "  ");
      }
    }

    JsonNode sync = view.path("sync");
    out.println();
    if (sync.isMissingNode() || sync.isNull()) {
      out.println("Sync: not synced yet");
    } else {
      out.printf(
          "Sync: revision %s applied%s%n",
          Json.text(sync, "appliedRevision", "?"),
          sync.path("dryRun").asBoolean(false) ? " (dry run: nothing written to Clockify)" : "");
      Table table = new Table().column("SLOT", 24).column("CLOCKIFY ENTRY", 26).column("STATE", 20);
      for (JsonNode entry : sync.path("entries")) {
        table.row(
            Json.text(entry, "slot"),
            Json.text(entry, "clockifyEntryId"),
            Json.text(entry, "state"));
      }
      if (!table.isEmpty()) {
        table.print(out, "  ");
      }
      String error = Json.text(sync, "lastError");
      if (error != null) {
        out.println("  Last error: " + error);
      }
    }
  }

  private static String weekday(String date) {
    try {
      return LocalDate.parse(date).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
