package io.focussync.clockify;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.bson.BsonValue;

/**
 * The MongoDB commands the service sends that mention a watched text (e.g. a test's user id): which
 * thread sent them, the command and its collection. The driver calls listeners on the thread that
 * runs the operation.
 */
public final class MongoCommandLog implements CommandListener {

  /** One command sent to the server. */
  public record Command(String thread, String name, String collection) {

    /** Sent by an apply worker (not the consumer, not the scheduler's timer). */
    public boolean byApplyWorker() {
      return thread.startsWith("clockify-apply-") && !thread.startsWith("clockify-apply-timer");
    }
  }

  private final List<Command> commands = new CopyOnWriteArrayList<>();
  private volatile String watched;
  private final AtomicReference<Hook> hook = new AtomicReference<>();

  /** Something to do once, just before a command is sent. */
  private record Hook(String collection, String name, String text, Runnable action) {}

  /** Starts a new log of the commands mentioning the text. */
  public void watch(String text) {
    commands.clear();
    watched = text;
  }

  /**
   * Runs the action once, on the sending thread, right before the next command of this name on the
   * collection that mentions the text is sent (e.g. another writer's change in between).
   */
  public void onceBefore(String collection, String name, String text, Runnable action) {
    hook.set(new Hook(collection, name, text, action));
  }

  /** Stops logging. */
  public void stop() {
    watched = null;
  }

  /** The logged commands that match. */
  public List<Command> commands(Predicate<Command> filter) {
    return commands.stream().filter(filter).toList();
  }

  @Override
  public void commandStarted(CommandStartedEvent event) {
    String text = watched;
    Hook pending = hook.get();
    if (text == null && pending == null) {
      return;
    }
    BsonValue collection = event.getCommand().get(event.getCommandName());
    if (collection == null || !collection.isString()) {
      return;
    }
    String json = event.getCommand().toJson();
    if (pending != null
        && pending.collection().equals(collection.asString().getValue())
        && pending.name().equals(event.getCommandName())
        && json.contains(pending.text())
        && hook.compareAndSet(pending, null)) {
      pending.action().run();
    }
    if (text != null && json.contains(text)) {
      commands.add(
          new Command(
              Thread.currentThread().getName(),
              event.getCommandName(),
              collection.asString().getValue()));
    }
  }
}
