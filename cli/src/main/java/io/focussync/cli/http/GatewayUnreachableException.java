package io.focussync.cli.http;

import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;
import java.net.URI;

/** No answer from the gateway: refused connection, unknown host, timeout (exit 3). */
public final class GatewayUnreachableException extends CliException {

  public GatewayUnreachableException(URI gateway, Exception cause) {
    super(
        ExitCodes.UNREACHABLE,
        "Cannot reach the gateway at "
            + gateway
            + " ("
            + describe(cause)
            + "). Is the stack running? ('./focussync start')",
        cause);
  }

  private static String describe(Exception cause) {
    String message = cause.getMessage();
    String kind = cause.getClass().getSimpleName();
    return message == null || message.isBlank() ? kind : kind + ": " + message;
  }
}
