package io.focussync.cli.commands;

import io.focussync.cli.CliContext;
import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;
import io.focussync.cli.config.ConfigStore;
import io.focussync.cli.config.Login;
import io.focussync.cli.http.GatewayClient;
import io.focussync.cli.http.Json;
import java.io.IOException;
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
      "Uses $FOCUSSYNC_ADMIN_TOKEN when set, else the token of 'focussync login'.",
      "With --login the new user's token also becomes the stored login (same URL): the next"
          + " commands act as the new user. './focussync login --local' is the admin again."
    })
final class UsersCreateCommand extends GatewayCommand {

  @Parameters(paramLabel = "NAME", description = "the user's name, e.g. ada")
  String name;

  @Option(
      names = "--login",
      description = "then sign in as the new user (replaces the stored login)")
  boolean signIn;

  @Option(names = "--json", description = "print the server's answer as JSON")
  boolean json;

  UsersCreateCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws IOException {
    String adminToken = context.env().get("FOCUSSYNC_ADMIN_TOKEN");
    Login login =
        adminToken != null && !adminToken.isBlank()
            ? config().require(adminToken.strip())
            : login();
    ObjectNode body = Json.MAPPER.createObjectNode().put("name", name);
    JsonNode created = new GatewayClient(login).post("/api/v1/admin/users", body, false);
    String userName = Json.text(created, "name", name);
    String token = Json.text(created, "token");
    if (json) {
      printJson(created);
    } else {
      PrintWriter out = context.out();
      out.println("Created user " + userName + " (id " + Json.text(created, "id", "?") + ").");
      out.println("Token: " + (token == null ? "?" : token));
      if (signIn) {
        out.println("It is shown only this once.");
      } else {
        out.println("It is shown only this once. To work as this user:");
        out.println("  ./focussync login --url " + login.url() + " --token " + token);
      }
    }
    if (signIn) {
      signInAs(userName, new Login(login.url(), token));
    }
    return ExitCodes.OK;
  }

  // The server just issued the token: stored without another round trip.
  private void signInAs(String userName, Login user) throws IOException {
    if (user.token() == null || user.token().isBlank()) {
      throw new CliException(
          ExitCodes.FAILED, "The answer holds no token: the stored login is unchanged.");
    }
    ConfigStore config = config();
    config.write(user);
    // with --json stdout stays the answer alone
    PrintWriter out = json ? context.err() : context.out();
    out.println(
        "Signed in as "
            + userName
            + ": the next commands act as "
            + userName
            + " (saved in "
            + config.file()
            + ").");
    String override = context.env().get("FOCUSSYNC_TOKEN");
    if (override != null && !override.isBlank()) {
      out.println("Note: $FOCUSSYNC_TOKEN is set and wins over the stored login; unset it.");
    }
  }
}
