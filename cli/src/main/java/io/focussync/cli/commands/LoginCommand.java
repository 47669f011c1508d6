package io.focussync.cli.commands;

import io.focussync.cli.CliContext;
import io.focussync.cli.CliException;
import io.focussync.cli.config.GatewayUrls;
import io.focussync.cli.config.LocalStackLogin;
import io.focussync.cli.config.Login;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code login}: checks a token against the gateway and stores URL and token (file mode 600). */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the token with the gateway, then stores the URL and the token in the config file"
          + " (owner-only, mode 600) for the other commands.",
      "--local signs in as the admin of the local stack on this machine, nothing to copy:"
          + " http://localhost:$FOCUSSYNC_GATEWAY_PORT (8080) and the admin token the stack"
          + " keeps in $FOCUSSYNC_DATA_DIR/secrets.properties (default: the repository's"
          + " .focussync), or $FOCUSSYNC_ADMIN_TOKEN when set, as for the stack itself.",
      "Config file: $FOCUSSYNC_CONFIG, else $XDG_CONFIG_HOME/focussync/config.json, else"
          + " ~/.config/focussync/config.json."
    })
final class LoginCommand implements Callable<Integer> {

  private final CliContext context;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  /** Either the local stack or a URL with a token. */
  static final class Target {
    @Option(
        names = "--local",
        required = true,
        description = "the admin of the local stack ('./focussync start') on this machine")
    boolean local;

    @ArgGroup(exclusive = false, multiplicity = "1")
    Remote remote;
  }

  /** {@code --url} and {@code --token}, both needed. */
  static final class Remote {
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
  }

  LoginCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if (target.local) {
      LocalStackLogin local = LocalStackLogin.find(context.env(), context.home());
      context.out().println("Local stack: admin token from " + local.tokenSource() + ".");
      return SignIn.checkAndStore(
          context,
          local.login(),
          "Is the stack at "
              + local.login().url()
              + " the one of "
              + local.dataDir()
              + "? (FOCUSSYNC_GATEWAY_PORT, FOCUSSYNC_DATA_DIR, FOCUSSYNC_ADMIN_TOKEN)");
    }
    String token = target.remote.token;
    if (token == null || token.isBlank()) {
      throw CliException.usage("the token is empty");
    }
    return SignIn.checkAndStore(
        context, new Login(GatewayUrls.parse(target.remote.url), token.strip()), null);
  }
}
