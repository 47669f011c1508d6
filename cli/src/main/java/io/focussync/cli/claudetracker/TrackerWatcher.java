package io.focussync.cli.claudetracker;

import io.focussync.cli.CliException;
import io.focussync.cli.http.ApiException;
import io.focussync.cli.http.GatewayUnreachableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Follows a claude-tracker database while the tracker writes it: reads it every interval (sooner
 * when the directory's WatchService reports a change to the file or its WAL) and passes each read
 * to {@link TrackerSync}. A missing, locked or half-created file, an unreachable gateway or a
 * server error is reported once and retried; only a refused token ends the watch.
 */
public final class TrackerWatcher {

  // A read is skipped while the files' size and times stand still, but only when they were
  // already this old at the last read: a write in the same clock tick as a read changes neither.
  private static final long QUIET_MILLIS = 2_000;
  private static final Duration FULL_READ_EVERY = Duration.ofMinutes(1);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final Object WAKE = new Object();

  private final Path database;
  private final Duration interval;
  private final TrackerSync sync;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock;
  private final BlockingQueue<Object> wakeups = new LinkedBlockingQueue<>();
  private volatile boolean stopped;
  private String lastCondition;

  public TrackerWatcher(
      Path database,
      Duration interval,
      TrackerSync sync,
      PrintWriter out,
      PrintWriter err,
      Clock clock) {
    this.database = database.toAbsolutePath().normalize();
    this.interval = interval;
    this.sync = sync;
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  /** Watches until {@link #stop()}; throws only when the gateway refuses the token. */
  public void run() {
    WatchService watchService = startWatchService();
    FileFingerprint lastRead = null;
    long lastFullRead = 0;
    try {
      while (!stopped) {
        wakeups.clear();
        FileFingerprint now = FileFingerprint.of(database);
        long startedAt = clock.millis();
        boolean quiet =
            lastRead != null
                && now.sameAs(lastRead)
                && startedAt - lastFullRead < FULL_READ_EVERY.toMillis();
        if (!quiet) {
          boolean complete = passOnce();
          boolean settled = startedAt - now.newestModified() >= QUIET_MILLIS;
          lastRead = complete && settled ? now : null;
          lastFullRead = startedAt;
        }
        await();
      }
    } finally {
      if (watchService != null) {
        try {
          watchService.close();
        } catch (IOException ignored) {
          // closing only ends the helper thread
        }
      }
    }
  }

  /** Ends {@link #run()} after the pass in progress (whose state is then saved). */
  public void stop() {
    stopped = true;
    wakeups.offer(WAKE);
  }

  private boolean passOnce() {
    List<TrackerRow> rows;
    try {
      rows = TrackerDatabase.read(database);
    } catch (DatabaseUnavailableException e) {
      condition(
          switch (e.reason()) {
            case MISSING -> "Waiting for " + database + " to exist...";
            case BUSY -> database + " is locked by its writer; retrying.";
            case NOT_A_TRACKER -> "Waiting for claude-tracker's sessions table in " + database;
            case UNREADABLE -> e.getMessage() + "; retrying.";
          });
      return false;
    }
    try {
      PassResult result = sync.pass(rows);
      condition(null);
      if (result.didSomething()) {
        out.println(timestamp() + "  " + result.summary());
        for (PassResult.Rejection rejection : result.rejected()) {
          out.println("  rejected " + rejection.sourcePath());
          rejection.messages().forEach(message -> out.println("    " + message));
        }
        out.flush();
      }
      return true;
    } catch (GatewayUnreachableException e) {
      condition(e.getMessage() + " Retrying.");
      return false;
    } catch (ApiException e) {
      if (e.authRefused()) {
        throw e;
      }
      condition("The gateway answered: " + e.getMessage().replace("\n", " ") + " Retrying.");
      return false;
    } catch (CliException e) {
      condition(e.getMessage() + " Retrying.");
      return false;
    }
  }

  private void condition(String message) {
    if (message == null) {
      if (lastCondition != null) {
        err.println(timestamp() + "  Back to normal.");
        err.flush();
      }
    } else if (!message.equals(lastCondition)) {
      err.println(timestamp() + "  " + message);
      err.flush();
    }
    lastCondition = message;
  }

  private String timestamp() {
    return LocalTime.ofInstant(clock.instant(), ZoneId.systemDefault())
        .truncatedTo(ChronoUnit.SECONDS)
        .format(TIME);
  }

  private void await() {
    try {
      wakeups.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }

  // Optional: polling alone meets the interval; the WatchService only makes changes arrive sooner.
  private WatchService startWatchService() {
    Path dir = database.getParent();
    String name = database.getFileName().toString();
    WatchService service;
    try {
      service = FileSystems.getDefault().newWatchService();
      dir.register(
          service,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    Thread thread =
        new Thread(
            () -> {
              try {
                while (true) {
                  WatchKey key = service.take();
                  for (WatchEvent<?> event : key.pollEvents()) {
                    Object context = event.context();
                    if (context == null || context.toString().startsWith(name)) {
                      wakeups.offer(WAKE);
                    }
                  }
                  if (!key.reset()) {
                    return;
                  }
                }
              } catch (InterruptedException | ClosedWatchServiceException e) {
                // the watch ended
              }
            },
            "focussync-watch-files");
    thread.setDaemon(true);
    thread.start();
    return service;
  }
}
