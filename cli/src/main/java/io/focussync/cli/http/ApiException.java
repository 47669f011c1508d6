package io.focussync.cli.http;

import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;

/** The gateway answered with an error: 401/403 exit 4, anything else exit 1. */
public final class ApiException extends CliException {

  private final Problem problem;

  public ApiException(Problem problem) {
    super(exitCodeOf(problem.status()), String.join("\n", problem.lines()));
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public int status() {
    return problem.status();
  }

  /** Whether the token was refused: waiting will not help. */
  public boolean authRefused() {
    return exitCodeOf(problem.status()) == ExitCodes.AUTH_REFUSED;
  }

  private static int exitCodeOf(int status) {
    return status == 401 || status == 403 ? ExitCodes.AUTH_REFUSED : ExitCodes.FAILED;
  }
}
