package io.focussync.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Optional;

/** Asks for a secret without echo, when there is a terminal to ask on. */
@FunctionalInterface
public interface SecretPrompt {

  /** What was typed, or empty when there is no terminal (or the input ended). */
  Optional<String> ask(String prompt);

  /** Never asks: there is no terminal. */
  static SecretPrompt none() {
    return prompt -> Optional.empty();
  }

  /** The JVM's console, when stdin and stdout are a terminal. */
  static SecretPrompt console() {
    return prompt -> {
      Console console = System.console();
      if (console == null || !isTerminal(console)) {
        return Optional.empty();
      }
      char[] typed = console.readPassword("%s", prompt);
      return typed == null ? Optional.empty() : Optional.of(new String(typed));
    };
  }

  // From JDK 22 on System.console() is there even when redirected; Console.isTerminal() tells.
  private static boolean isTerminal(Console console) {
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // JDK 17 to 21: a console exists only for a terminal
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
