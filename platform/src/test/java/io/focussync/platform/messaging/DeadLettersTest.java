package io.focussync.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The reason a dead letter carries: the verdict among the causes, else the deepest cause. */
class DeadLettersTest {

  private final DeadLetters deadLetters =
      new DeadLetters(null, topic -> {}, "topic", "group", List.of(IllegalArgumentException.class));

  @Test
  void theVerdictAmongTheCausesIsTheReason() {
    IllegalArgumentException verdict =
        new IllegalArgumentException("no user", new IllegalStateException("deeper"));
    assertThat(deadLetters.reasonOf(new RuntimeException("listener failed", verdict)))
        .isSameAs(verdict);
  }

  @Test
  void withoutAVerdictTheDeepestCauseIsTheReason() {
    IllegalStateException deepest = new IllegalStateException("store down");
    assertThat(deadLetters.reasonOf(new RuntimeException("a", new RuntimeException("b", deepest))))
        .isSameAs(deepest);
  }
}
