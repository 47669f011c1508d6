package io.focussync.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Continues a trace where Spring's observations do not reach: a record of a batch (the binder
 * observes only record-mode consumers) or work done later, on another thread, from a trace context
 * kept in data. A context travels as its W3C {@code traceparent} text, the same as in the records'
 * headers; the work runs in a child span of it, so its log lines and the records it sends carry its
 * trace id. Without a context (or with tracing off) the work runs in a new trace (or none).
 */
public class RecordTracing {

  /** The W3C trace context header (and the name of the field that keeps it in data). */
  public static final String TRACEPARENT = "traceparent";

  private final Tracer tracer;
  private final Propagator propagator;
  private final ThreadLocal<Map<String, String>> batch = new ThreadLocal<>();

  public RecordTracing(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** A tracing that does nothing (tests, tracing off). */
  public static RecordTracing off() {
    return new RecordTracing(Tracer.NOOP, Propagator.NOOP);
  }

  /**
   * The {@code traceparent} header among a record's headers (a message's headers: text or the
   * record's bytes), or null when it has none.
   */
  public static String traceparentOf(Map<String, ?> headers) {
    Object value = headers.get(TRACEPARENT);
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    return value == null ? null : value.toString();
  }

  /** The current trace context as a {@code traceparent}, or null outside any trace. */
  public String currentTraceparent() {
    TraceContext context = tracer.currentTraceContext().context();
    if (context == null) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>(2);
    propagator.inject(context, carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /** Runs the work in a span named {@code name}, a child of the given {@code traceparent}. */
  public void run(String traceparent, String name, Runnable work) {
    call(
        traceparent,
        name,
        () -> {
          work.run();
          return null;
        });
  }

  /** Calls the work in a span named {@code name}, a child of the given {@code traceparent}. */
  public <T> T call(String traceparent, String name, Supplier<T> work) {
    Span.Builder builder =
        traceparent == null || traceparent.isBlank()
            ? tracer.spanBuilder().setNoParent()
            : propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
    Span span = builder.name(name).start();
    try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
      return work.get();
    } catch (RuntimeException | Error e) {
      span.error(e);
      throw e;
    } finally {
      span.end();
    }
  }

  /**
   * Opens a batch on this thread: its records' contexts are {@link Batch#remember remembered} by a
   * key (the last record of a key wins), and work the batch causes finds its key's context through
   * {@link #traceparentFor} (e.g. a plan sent for a user's day continues the trace of the user's
   * newest session of the batch). Close it when the batch is processed.
   */
  public Batch openBatch() {
    Map<String, String> contexts = new HashMap<>();
    batch.set(contexts);
    return new Batch(contexts);
  }

  /** The context the open batch remembers for the key, else the current one (or null). */
  public String traceparentFor(String key) {
    Map<String, String> contexts = batch.get();
    String remembered = contexts == null ? null : contexts.get(key);
    return remembered != null ? remembered : currentTraceparent();
  }

  /** A batch's record contexts by key, open on the thread that processes the batch. */
  public final class Batch implements AutoCloseable {

    private final Map<String, String> contexts;

    private Batch(Map<String, String> contexts) {
      this.contexts = contexts;
    }

    /** Remembers a record's context (its {@code traceparent} header) under the key. */
    public void remember(String key, Map<String, ?> headers) {
      String traceparent = traceparentOf(headers);
      if (key != null && traceparent != null) {
        contexts.put(key, traceparent);
      }
    }

    @Override
    public void close() {
      batch.remove();
    }
  }
}
