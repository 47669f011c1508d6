package io.focussync.cli.config;

import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;

/** No stored login and none in the environment (exit 3). */
public final class NotLoggedInException extends CliException {

  public NotLoggedInException(String message) {
    super(ExitCodes.UNREACHABLE, message);
  }
}
