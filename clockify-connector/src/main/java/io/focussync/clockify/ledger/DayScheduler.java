package io.focussync.clockify.ledger;

import io.focussync.clockify.connection.Connection;
import io.focussync.clockify.connection.ConnectionSaved;
import io.focussync.clockify.connection.ConnectionService;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs day applies off the consumer thread: one lane per ledger scope (workspace), each lane
 * applying one day at a time on a shared pool, so a slow or failing workspace holds at most one
 * thread and never delays another workspace's days; waits (back-off, rate limits, Clockify's
 * consistency window) are timers, never a sleeping thread. It applies only the days of the
 * partitions this replica owns: they are resumed when partitions are assigned, and applies of a
 * revoked partition stop before their next write and let the day go to its next owner. A newly
 * accepted plan waits until its day has been quiet for the coalescing delay (a debounce, capped by
 * the maximum wait); a day queued twice is applied once; the apply takes the newest accepted plan,
 * which is how waiting revisions are coalesced. A day goes to the lane of its user's scope as this
 * process last saw it; the apply checks the stored connection and sends the day to the right lane
 * if the scope has changed.
 */
@Component
public class DayScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DayScheduler.class);
  private static final String NO_CONNECTION = "";

  /** Below Spring Cloud Stream's input bindings, which stop first. */
  static final int PHASE = Integer.MAX_VALUE - 2000;

  private final DayStore days;
  private final Ownership ownership;
  private final ConnectionService connections;
  private final DayApplier applier;
  private final ApplyProperties properties;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final Map<String, Lane> lanes = new HashMap<>();
  private final Map<DayKey, Quiet> quieting = new HashMap<>();
  private volatile boolean running;

  public DayScheduler(
      DayStore days,
      Ownership ownership,
      ConnectionService connections,
      DayApplier applier,
      ApplyProperties properties) {
    this.days = days;
    this.ownership = ownership;
    this.connections = connections;
    this.applier = applier;
    this.properties = properties;
    this.workers = Executors.newFixedThreadPool(properties.workers(), threads("clockify-apply"));
    this.timer = Executors.newSingleThreadScheduledExecutor(threads("clockify-apply-timer"));
  }

  /**
   * A plan was accepted: its day is applied once quiet (see the class). A day's first plan waits
   * only the first-plan delay: new work reaches Clockify at once, while edits, where bursts come
   * from, are coalesced.
   */
  public void planAccepted(DayKey day, long revision) {
    Duration quiet = revision == 1 ? properties.firstPlanDelay() : properties.coalesceDelay();
    if (quiet.isZero()) {
      enqueue(day);
    } else {
      coalesce(day, quiet);
    }
  }

  /** Applies the day after the delay. */
  public void schedule(DayKey day, Duration wait) {
    if (wait.isZero() || wait.isNegative()) {
      enqueue(day);
    } else if (running) {
      timer.schedule(() -> enqueue(day), wait.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Partitions were assigned to this replica: their days not applied yet, or whose result is not
   * published yet, are resumed (a crash or a previous owner's stop loses nothing).
   */
  public void partitionsAssigned(Set<Integer> partitions) {
    ownership.assigned(partitions);
    resume(partitions);
  }

  /** Partitions were taken away: their applies stop before their next write. */
  public void partitionsRevoked(Set<Integer> partitions) {
    ownership.revoked(partitions);
  }

  private void resume(Set<Integer> partitions) {
    try {
      days.unfinished(partitions).forEach(day -> schedule(day, Duration.ZERO));
    } catch (RuntimeException e) {
      log.warn("could not read the days to resume; retrying later", e);
      timer.schedule(
          () -> resume(partitions), properties.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Plans that waited for a (usable) connection go as soon as there is one. */
  @EventListener
  public void onConnectionSaved(ConnectionSaved saved) {
    days.pendingOf(saved.userId()).forEach(day -> schedule(day, Duration.ZERO));
  }

  /**
   * The owned days that have waited a whole recheck interval go again: a day waiting for a
   * connection once it is usable, a pending day nobody holds at once. What other replicas did
   * reaches the owner this way: a new key saved, or days made pending again, through another
   * replica, whose events reach only itself.
   */
  void recheckWaiting() {
    try {
      Map<String, Boolean> usable = new HashMap<>();
      Instant stalledSince = Instant.now().minus(properties.recheck());
      for (DayRecord day : days.waiting(ownership.partitions(), stalledSince)) {
        boolean go =
            day.status() != DayStatus.WAITING_FOR_CONNECTION
                || usable.computeIfAbsent(
                    day.userId(),
                    user -> connections.find(user).filter(Connection::usable).isPresent());
        if (go) {
          schedule(day.key(), Duration.ZERO);
        }
      }
    } catch (RuntimeException e) {
      log.warn("could not look at the waiting days; trying again later", e);
    }
  }

  private void coalesce(DayKey day, Duration quiet) {
    if (!running) {
      return;
    }
    long now = System.nanoTime();
    synchronized (quieting) {
      Quiet waiting = quieting.get(day);
      if (waiting != null) {
        waiting.lastPlanAt = now;
        waiting.quietNanos = Math.max(waiting.quietNanos, quiet.toNanos());
        return;
      }
      quieting.put(day, new Quiet(now, quiet.toNanos()));
    }
    timer.schedule(() -> whenQuiet(day), quiet.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void whenQuiet(DayKey day) {
    long remaining;
    synchronized (quieting) {
      Quiet waiting = quieting.get(day);
      long due =
          Math.min(
              waiting.lastPlanAt + waiting.quietNanos,
              waiting.firstPlanAt + properties.coalesceMaxWait().toNanos());
      remaining = due - System.nanoTime();
      if (remaining <= 0) {
        quieting.remove(day);
      }
    }
    if (remaining > 0) {
      timer.schedule(() -> whenQuiet(day), remaining, TimeUnit.NANOSECONDS);
    } else {
      enqueue(day);
    }
  }

  private void enqueue(DayKey day) {
    if (!running) {
      return;
    }
    try {
      String laneScope =
          connections
              .lastKnownScope(day.userId())
              .or(() -> connections.find(day.userId()).map(Connection::scope))
              .orElse(NO_CONNECTION);
      synchronized (lanes) {
        Lane lane = lanes.computeIfAbsent(laneScope, name -> new Lane());
        if (lane.queued.add(day) && !lane.running) {
          lane.running = true;
          workers.execute(() -> runOne(laneScope, lane));
        }
      }
    } catch (RuntimeException e) {
      log.warn("could not queue {} {}; retrying later", day.userId(), day.date(), e);
      schedule(day, properties.retryDelay());
    }
  }

  private void runOne(String scope, Lane lane) {
    DayKey day;
    synchronized (lanes) {
      day = lane.next();
    }
    if (day != null) {
      try {
        applier.apply(day, scope).ifPresent(delay -> schedule(day, delay));
      } catch (RuntimeException e) {
        // The store or the broker failed: the day stays as stored and is tried again.
        log.warn("applying {} {} failed: {}", day.userId(), day.date(), e.toString());
        schedule(day, properties.retryDelay());
      }
    }
    synchronized (lanes) {
      if (lane.queued.isEmpty() || !running) {
        lane.running = false;
        lanes.remove(scope);
      } else {
        // One day per turn: the lane goes to the back of the pool's queue, sharing threads fairly.
        workers.execute(() -> runOne(scope, lane));
      }
    }
  }

  @Override
  public void start() {
    running = true;
    long every = properties.recheck().toMillis();
    timer.scheduleWithFixedDelay(this::recheckWaiting, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * A graceful stop hands the work over: nothing new starts, running applies stop before their next
   * Clockify write (their partitions are no longer owned) and let their days go, so the next owner
   * takes them at once. A call already sent is waited for and recorded first.
   */
  @Override
  public void stop() {
    running = false;
    ownership.revoked(ownership.partitions());
    timer.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(properties.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops after the plan consumer (a higher phase stops first), before the store and broker. */
  @Override
  public int getPhase() {
    return PHASE;
  }

  private static java.util.concurrent.ThreadFactory threads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * When a waiting day's first and latest plans were accepted ({@link System#nanoTime()}), and how
   * long it must stay quiet.
   */
  private static final class Quiet {
    private final long firstPlanAt;
    private long lastPlanAt;
    private long quietNanos;

    private Quiet(long at, long quietNanos) {
      this.firstPlanAt = at;
      this.lastPlanAt = at;
      this.quietNanos = quietNanos;
    }
  }

  private static final class Lane {
    private final LinkedHashSet<DayKey> queued = new LinkedHashSet<>();
    private boolean running;

    private DayKey next() {
      Iterator<DayKey> order = queued.iterator();
      if (!order.hasNext()) {
        return null;
      }
      DayKey day = order.next();
      order.remove();
      return day;
    }
  }
}
