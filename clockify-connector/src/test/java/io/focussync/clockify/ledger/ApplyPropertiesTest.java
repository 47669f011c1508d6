package io.focussync.clockify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApplyPropertiesTest {

  @Test
  void aMissingKeyFailsNamingIt() {
    assertThatThrownBy(() -> properties(8, null, "replica-1"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("focussync.clockify.apply.lease is required");
    assertThatThrownBy(() -> properties(0, Duration.ofSeconds(90), "replica-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("focussync.clockify.apply.workers");
  }

  @Test
  void aBlankReplicaIdBecomesARandomOne() {
    String first = properties(8, Duration.ofSeconds(90), " ").replicaId();
    String second = properties(8, Duration.ofSeconds(90), null).replicaId();

    assertThat(first).isNotBlank().isNotEqualTo(second);
    assertThat(properties(8, Duration.ofSeconds(90), "replica-1").replicaId())
        .isEqualTo("replica-1");
  }

  private static ApplyProperties properties(int workers, Duration lease, String replicaId) {
    return new ApplyProperties(
        workers,
        Duration.ofMillis(500),
        Duration.ofSeconds(2),
        Duration.ZERO,
        Duration.ofSeconds(5),
        Duration.ofMinutes(10),
        Duration.ofSeconds(10),
        lease,
        Duration.ofSeconds(20),
        Duration.ofSeconds(15),
        replicaId);
  }
}
