package io.focussync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a command may touch of the world: the environment, the two output streams, Ctrl-C, the clock
 * and the repository it was started from. Tests pass their own.
 *
 * @param home the repository root (for start/stop/build), when known
 * @param errIsTerminal whether stderr is a terminal (progress lines with {@code \r})
 * @param prompt asks for a secret without echo (an API key), when there is a terminal
 */
public record CliContext(
    Map<String, String> env,
    PrintWriter out,
    PrintWriter err,
    StopSignal stop,
    Clock clock,
    Optional<Path> home,
    boolean errIsTerminal,
    SecretPrompt prompt) {

  public CliContext {
    env = Map.copyOf(env);
  }
}
