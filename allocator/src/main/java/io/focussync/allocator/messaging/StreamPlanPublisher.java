package io.focussync.allocator.messaging;

import io.focussync.allocator.day.PlanPublisher;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.platform.messaging.BoundOutput;
import io.focussync.platform.messaging.EventMessages;
import io.focussync.platform.tracing.RecordTracing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.stereotype.Component;

/**
 * Sends day plans to {@code focussync.day-plans.v1}. The binding is synchronous (each send waits
 * for the broker's ack), so a batch of plans is sent from several threads at once: the producer
 * then packs them into few requests and the batch costs about one round trip, not one per plan.
 */
@Component
public class StreamPlanPublisher implements PlanPublisher, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(StreamPlanPublisher.class);

  static final String BINDING = "dayPlans-out-0";

  private final BoundOutput output;
  private final ExecutorService senders;
  private final RecordTracing tracing;

  public StreamPlanPublisher(
      BindingService bindings,
      BeanFactory beans,
      MessagingProperties properties,
      RecordTracing tracing) {
    this.output = new BoundOutput(bindings, beans, BINDING);
    this.tracing = tracing;
    this.senders = Executors.newFixedThreadPool(properties.publishThreads(), this::senderThread);
  }

  @Override
  public void publish(DayPlanned plan) {
    publishIn(tracing.traceparentFor(plan.userId()), plan);
  }

  /** Sends the plan in the trace of the session that changed its day (see RecordTracing). */
  private void publishIn(String traceparent, DayPlanned plan) {
    tracing.run(
        traceparent,
        "plan " + BINDING,
        () -> {
          if (!output.send(EventMessages.toMessage(plan, "allocator"))) {
            throw new IllegalStateException("the broker did not take plan " + plan.subject());
          }
          log.info(
              "planned day {} r{}: {} entries",
              plan.subject(),
              plan.revision(),
              plan.entries().size());
        });
  }

  @Override
  public void publishAll(List<DayPlanned> plans) {
    if (plans.size() == 1) {
      publish(plans.get(0));
      return;
    }
    List<CompletableFuture<Void>> sends = new ArrayList<>(plans.size());
    for (DayPlanned plan : plans) {
      // looked up on this thread: the batch's contexts are this thread's
      String traceparent = tracing.traceparentFor(plan.userId());
      sends.add(CompletableFuture.runAsync(() -> publishIn(traceparent, plan), senders));
    }
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private Thread senderThread(Runnable task) {
    Thread thread = new Thread(task, "plan-sender");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void destroy() {
    senders.shutdown();
    output.destroy();
  }
}
