package io.focussync.cli.commands;

import io.focussync.cli.CliContext;
import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;
import io.focussync.cli.config.ConfigStore;
import io.focussync.cli.config.Login;
import io.focussync.cli.http.ApiException;
import io.focussync.cli.http.GatewayClient;
import io.focussync.cli.http.Json;
import java.io.IOException;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What {@code login} does with a URL and a token: checks the token, then stores both. */
final class SignIn {

  private SignIn() {}

  /**
   * Asks the gateway who the token is ({@code GET /api/v1/users/me}) and stores the login only if
   * it was accepted; {@code refusedHint} is added to the message when it was not.
   */
  static int checkAndStore(CliContext context, Login login, String refusedHint) throws IOException {
    String who = whoIs(new GatewayClient(login), refusedHint);
    ConfigStore config = ConfigStore.locate(context.env());
    config.write(login);
    context.out().println("Logged in to " + login.url() + " " + who + ".");
    context.out().println("Saved in " + config.file() + " (readable by you only).");
    if (who.startsWith("with the admin token")) {
      context.out().println("Next: ./focussync users create NAME --login");
    }
    return ExitCodes.OK;
  }

  private static String whoIs(GatewayClient client, String refusedHint) {
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
            "The gateway refused this token: "
                + e.getMessage()
                + (refusedHint == null ? "" : "\n" + refusedHint)
                + "\nNothing was saved.");
      }
      throw e;
    }
  }
}
