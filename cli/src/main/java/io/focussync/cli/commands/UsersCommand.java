package io.focussync.cli.commands;

import io.focussync.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code users}: the administrator's user management. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manages users (needs the admin token).")
final class UsersCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
