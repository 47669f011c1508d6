package io.focussync.cli.commands;

import io.focussync.cli.CliContext;
import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;
import io.focussync.cli.config.ConfigStore;
import io.focussync.cli.config.GatewayUrls;
import io.focussync.cli.config.Login;
import io.focussync.cli.http.ApiException;
import io.focussync.cli.http.GatewayClient;
import io.focussync.cli.http.Json;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code login}: checks a token against the gateway and stores URL and token (file mode 600). */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the token with the gateway, then stores the URL and the token in the config file"
          + " (owner-only, mode 600) for the other commands.",
      "Config file: $FOCUSSYNC_CONFIG, else $XDG_CONFIG_HOME/focussync/config.json, else"
          + " ~/.config/focussync/config.json."
    })
final class LoginCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(
      names = "--url",
      required = true,
      paramLabel = "URL",
      description = "the gateway, e.g. http://localhost:8080")
  String url;

  @Option(
      names = "--token",
      required = true,
      paramLabel = "TOKEN",
      interactive = true,
      arity = "0..1",
      description =
          "a user's token, or the admin token (for 'users create'); without a value it is"
              + " asked for without echo")
  String token;

  LoginCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if (token == null || token.isBlank()) {
      throw CliException.usage("the token is empty");
    }
    Login login = new Login(GatewayUrls.parse(url), token.strip());
    String who = whoIs(new GatewayClient(login));
    ConfigStore config = ConfigStore.locate(context.env());
    config.write(login);
    context.out().println("Logged in to " + login.url() + " " + who + ".");
    context.out().println("Saved in " + config.file() + " (readable by you only).");
    if (who.startsWith("with the admin token")) {
      context.out().println("Next: ./focussync users create NAME");
    }
    return ExitCodes.OK;
  }

  private static String whoIs(GatewayClient client) {
    try {
      JsonNode me = client.get("/api/v1/users/me", Map.of());
      return "as " + Json.text(me, "name", "?") + " (user " + Json.text(me, "id", "?") + ")";
    } catch (ApiException e) {
      // the admin token passes authentication but belongs to no user: 403 on /users/me only
      if (e.status() == 403) {
        return "with the admin token (it can create users; it has no sessions of its own)";
      }
      if (e.status() == 401) {
        throw new CliException(
            ExitCodes.AUTH_REFUSED,
            "The gateway refused this token: " + e.getMessage() + "\nNothing was saved.");
      }
      throw e;
    }
  }
}
