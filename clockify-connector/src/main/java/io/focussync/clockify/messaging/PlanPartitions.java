package io.focussync.clockify.messaging;

import io.focussync.clockify.ledger.DayScheduler;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Tells the scheduler which partitions of the plans topic this replica's consumer holds: the
 * user-days it may apply. Revocation is told before the offsets commit, so applies stop before a
 * new owner starts.
 */
@Component
public class PlanPartitions implements KafkaBindingRebalanceListener {

  static final String BINDING = "dayPlans-in-0";

  private final DayScheduler scheduler;

  public PlanPartitions(DayScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public void onPartitionsAssigned(
      String bindingName,
      Consumer<?, ?> consumer,
      Collection<TopicPartition> partitions,
      boolean initial) {
    if (BINDING.equals(bindingName)) {
      scheduler.partitionsAssigned(numbers(partitions));
    }
  }

  @Override
  public void onPartitionsRevokedBeforeCommit(
      String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (BINDING.equals(bindingName)) {
      scheduler.partitionsRevoked(numbers(partitions));
    }
  }

  private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
    return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
  }
}
