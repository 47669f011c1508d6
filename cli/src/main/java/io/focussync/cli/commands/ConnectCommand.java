package io.focussync.cli.commands;

import io.focussync.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code connect}: your connections to other services. */
@Command(
    name = "connect",
    mixinStandardHelpOptions = true,
    description = "Connects your account in another service (Clockify) to Focus Sync.")
final class ConnectCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
