package io.focussync.notion.sync;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The threads that talk to Notion in the background: scheduled polls and webhook refreshes. */
@Component
public class NotionWorkers implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(NotionWorkers.class);

  private final AtomicInteger counter = new AtomicInteger();
  private final ScheduledExecutorService executor =
      Executors.newScheduledThreadPool(
          2,
          runnable -> {
            Thread thread = new Thread(runnable, "notion-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  /** Runs the work soon; failures are logged, never lost silently. */
  public void submit(String what, Runnable work) {
    executor.execute(guarded(what, work));
  }

  /** Runs the work repeatedly with a fixed delay between runs. */
  public void every(String what, Duration initialDelay, Duration delay, Runnable work) {
    executor.scheduleWithFixedDelay(
        guarded(what, work), initialDelay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Runnable guarded(String what, Runnable work) {
    return () -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        log.warn("{} failed: {}", what, e.toString());
      }
    };
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
