package io.focussync.ingest.session;

import io.focussync.contracts.sessions.v1.SessionRecorded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a batch of session inputs item by item: an item that could not be read or breaks a rule is
 * rejected with its violations, every other one becomes an event. The accepted events are published
 * together, once, before the batch is answered; a batch of rejected items only publishes nothing.
 */
public final class SessionBatch {

  private SessionBatch() {}

  /** Turns the readable input of the item at an index into its event or its violations. */
  @FunctionalInterface
  public interface Preparer {
    PreparedSession prepare(int index, SessionInput input);
  }

  /** One item as read from the request: its input, or why it could not be read. */
  public record Item(SessionInput input, List<Violation> violations) {

    public Item {
      violations = List.copyOf(violations);
    }
  }

  /** What became of one item: its event when accepted, its violations when rejected. */
  public record ItemResult(int index, SessionRecorded event, List<Violation> errors) {

    public ItemStatus status() {
      return event != null ? ItemStatus.ACCEPTED : ItemStatus.REJECTED;
    }

    /** The item's entry in the answer's {@code results}. */
    public Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("index", index);
      if (event != null) {
        json.put("id", event.sessionId());
        json.put("version", event.version());
      }
      json.put("status", status().json());
      if (event == null) {
        json.put("errors", errors.stream().map(Violation::toJson).toList());
      }
      return json;
    }
  }

  /** The judged batch, its results in the items' order. */
  public record Outcome(List<ItemResult> results) {

    public Outcome {
      results = List.copyOf(results);
    }

    /** The events to publish together: those of the accepted items, in order. */
    public List<SessionRecorded> events() {
      return results.stream().filter(r -> r.event() != null).map(ItemResult::event).toList();
    }

    /** Whether anything is to be published (at least one item was accepted). */
    public boolean publishes() {
      return results.stream().anyMatch(r -> r.event() != null);
    }

    /** The batch's answer: how many items were accepted and rejected, and each item's result. */
    public Map<String, Object> toJson() {
      int accepted = events().size();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("accepted", accepted);
      json.put("rejected", results.size() - accepted);
      json.put("results", results.stream().map(ItemResult::toJson).toList());
      return json;
    }
  }

  /** Judges every item: unreadable ones are rejected as read, the others as prepared. */
  public static Outcome judge(List<Item> items, Preparer preparer) {
    List<ItemResult> results = new ArrayList<>(items.size());
    for (int index = 0; index < items.size(); index++) {
      Item item = items.get(index);
      if (!item.violations().isEmpty()) {
        results.add(new ItemResult(index, null, item.violations()));
        continue;
      }
      PreparedSession prepared = preparer.prepare(index, item.input());
      results.add(new ItemResult(index, prepared.event(), prepared.violations()));
    }
    return new Outcome(results);
  }
}
