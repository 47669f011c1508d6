package io.focussync.cli.commands;

import io.focussync.cli.CliContext;
import io.focussync.cli.ExitCodes;
import io.focussync.cli.config.Login;
import io.focussync.cli.http.GatewayClient;
import io.focussync.cli.http.Json;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code users create NAME}: creates a user and prints their first token, once. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Creates a user and prints their id and first token. The token is shown only here.",
      "Uses $FOCUSSYNC_ADMIN_TOKEN when set, else the token of 'focussync login'."
    })
final class UsersCreateCommand extends GatewayCommand {

  @Parameters(paramLabel = "NAME", description = "the user's name, e.g. ada")
  String name;

  @Option(names = "--json", description = "print the server's answer as JSON")
  boolean json;

  UsersCreateCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    String adminToken = context.env().get("FOCUSSYNC_ADMIN_TOKEN");
    Login login =
        adminToken != null && !adminToken.isBlank()
            ? config().require(adminToken.strip())
            : login();
    ObjectNode body = Json.MAPPER.createObjectNode().put("name", name);
    JsonNode created = new GatewayClient(login).post("/api/v1/admin/users", body, false);
    if (json) {
      printJson(created);
      return ExitCodes.OK;
    }
    PrintWriter out = context.out();
    out.println(
        "Created user "
            + Json.text(created, "name", name)
            + " (id "
            + Json.text(created, "id", "?")
            + ").");
    out.println("Token: " + Json.text(created, "token", "?"));
    out.println("It is shown only this once. To work as this user:");
    out.println(
        "  ./focussync login --url " + login.url() + " --token " + Json.text(created, "token"));
    return ExitCodes.OK;
  }
}
