package io.focussync.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Ctrl-C for long-running commands: they register what stops them cleanly. */
public final class StopSignal {

  private final List<Runnable> handlers = new CopyOnWriteArrayList<>();
  private final Registrar registrar;

  /** How a handler gets called on Ctrl-C: a JVM shutdown hook, or a test's own trigger. */
  public interface Registrar {
    void register(Runnable handler);
  }

  private StopSignal(Registrar registrar) {
    this.registrar = registrar;
  }

  /** Handlers run as JVM shutdown hooks (SIGINT, SIGTERM). */
  public static StopSignal shutdownHooks() {
    return new StopSignal(handler -> Runtime.getRuntime().addShutdownHook(new Thread(handler)));
  }

  /** Handlers run only when {@link #trigger()} is called: for tests. */
  public static StopSignal manual() {
    return new StopSignal(handler -> {});
  }

  /**
   * Runs the handler on Ctrl-C. It should stop the work and wait (bounded) until the command has
   * finished, since the JVM exits when the handlers return.
   */
  public void onStop(Runnable handler) {
    handlers.add(handler);
    registrar.register(handler);
  }

  /** Runs every handler, as Ctrl-C would. */
  public void trigger() {
    handlers.forEach(Runnable::run);
  }
}
