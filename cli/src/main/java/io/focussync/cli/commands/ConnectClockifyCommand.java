package io.focussync.cli.commands;

import io.focussync.cli.CliContext;
import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;
import io.focussync.cli.config.Login;
import io.focussync.cli.http.ApiException;
import io.focussync.cli.http.GatewayClient;
import io.focussync.cli.http.Json;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code connect clockify}: saves (or shows) your Clockify connection; never prints the key. */
@Command(
    name = "clockify",
    mixinStandardHelpOptions = true,
    description = {
      "Connects your Clockify workspace: the server checks the API key with Clockify (unless"
          + " --dry-run), keeps it encrypted and from then on writes your planned days there.",
      "The API key comes from $CLOCKIFY_API_KEY; when it is unset it is asked for without echo"
          + " (a terminal only). --dry-run needs no key: the Clockify calls are planned, not made.",
      "The key is never printed: the server answers with its last four characters.",
      "--show prints the current connection instead."
    })
final class ConnectClockifyCommand extends GatewayCommand {

  static final String PATH = "/api/v1/connections/clockify";

  @Spec CommandSpec spec;

  @Option(
      names = "--workspace",
      paramLabel = "ID",
      description = "the Clockify workspace id (in Clockify's URLs and workspace settings)")
  String workspace;

  @Option(
      names = "--dry-run",
      description = "plan the Clockify calls without making them; no API key needed")
  boolean dryRun;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "Clockify's API, e.g. a regional one (default: $CLOCKIFY_BASE_URL if set, else the"
              + " server's, https://api.clockify.me/api); must be on the server's allow-list")
  String baseUrl;

  @Option(names = "--show", description = "print the current connection (changes nothing)")
  boolean show;

  @Option(names = "--json", description = "print the server's answer as JSON")
  boolean json;

  ConnectClockifyCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    if (show) {
      if (workspace != null || dryRun || baseUrl != null) {
        throw new ParameterException(
            spec.commandLine(), "--show takes no --workspace, --dry-run or --base-url");
      }
      return show();
    }
    if (workspace == null || workspace.isBlank()) {
      throw new ParameterException(
          spec.commandLine(), "Missing required option: '--workspace=ID' (or --show)");
    }
    // not logged in: said before the key is asked for
    Login login = login();
    String apiKey = apiKey();
    ObjectNode body = Json.MAPPER.createObjectNode().put("workspaceId", workspace.strip());
    if (apiKey != null) {
      body.put("apiKey", apiKey);
    }
    String base = baseUrl != null ? baseUrl : context.env().get("CLOCKIFY_BASE_URL");
    if (base != null && !base.isBlank()) {
      body.put("baseUrl", base.strip());
    }
    body.put("dryRun", dryRun);
    JsonNode view;
    try {
      // not retried: a 503 means Clockify could not be reached for the check; the user decides
      view = new GatewayClient(login).put(PATH, body, false);
    } catch (ApiException e) {
      if (e.authRefused()) {
        throw e;
      }
      throw new CliException(
          e.exitCode(), "The Clockify connection was not saved: " + e.getMessage(), e);
    }
    print("Clockify connected", view, apiKey);
    return ExitCodes.OK;
  }

  private Integer show() {
    JsonNode view;
    try {
      view = client().get(PATH, Map.of());
    } catch (ApiException e) {
      if (e.status() == 404) {
        throw new CliException(
            ExitCodes.FAILED,
            "No Clockify connection yet: ./focussync connect clockify --workspace ID");
      }
      throw e;
    }
    print("Clockify connection", view, null);
    return ExitCodes.OK;
  }

  private String apiKey() {
    String fromEnv = context.env().get("CLOCKIFY_API_KEY");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    if (dryRun) {
      return null;
    }
    Optional<String> typed =
        context.prompt().ask("Clockify API key (Clockify: Profile settings > API; not shown): ");
    if (typed.isEmpty()) {
      throw CliException.usage(
          "no Clockify API key: set CLOCKIFY_API_KEY (or run in a terminal to be asked for it),"
              + " or connect with --dry-run");
    }
    if (typed.get().isBlank()) {
      throw CliException.usage("the API key is empty: nothing was sent");
    }
    return typed.get().strip();
  }

  private void print(String heading, JsonNode view, String sentKey) {
    if (json) {
      printJson(view);
      return;
    }
    boolean dry = view.path("dryRun").asBoolean(false);
    PrintWriter out = context.out();
    out.println(
        heading
            + ": workspace "
            + Json.text(view, "workspaceId", "?")
            + ", "
            + (dry
                ? "dry run (the Clockify calls are planned, not made)"
                : "live (your planned days are written to Clockify)")
            + ".");
    String shownKey = Json.text(view, "apiKey", "none");
    if (dry && shownKey.equals("…")) {
      shownKey = "none (dry run)"; // the server's mask of no key
    } else if (sentKey != null && shownKey.contains(sentKey)) {
      shownKey = "(hidden)"; // the server masks it; should it not, it is still not printed
    }
    line(out, "API key", shownKey);
    line(out, "Base URL", Json.text(view, "baseUrl", "the server's default"));
    line(out, "Clockify user", Json.text(view, "userId", dry ? "– (dry run)" : "?"));
    line(out, "Status", Json.text(view, "status", "?"));
    String attention = Json.text(view, "attention");
    if (attention != null) {
      line(out, "Attention", attention);
    }
  }

  private static void line(PrintWriter out, String label, String value) {
    out.printf("  %-15s%s%n", label, value);
  }
}
