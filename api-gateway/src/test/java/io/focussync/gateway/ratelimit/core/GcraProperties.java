package io.focussync.gateway.ratelimit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** GCRA admits what a token bucket of the same burst and rate admits. */
class GcraProperties {

  private static final long SECOND_MICROS = 1_000_000L;

  @Property
  void neverAdmitsMoreThanBurstPlusRefill(
      @ForAll @IntRange(min = 1, max = 200) int burst,
      @ForAll @IntRange(min = 1, max = 100) int rate,
      @ForAll @Size(max = 400) List<@LongRange(min = 0, max = 50_000L) Long> gaps) {
    Gcra gcra = new Gcra(burst, rate);
    long start = 1_000 * SECOND_MICROS;
    long now = start;
    Long tat = null;
    int admitted = 0;
    for (long gap : gaps) {
      now += gap;
      Gcra.Step step = gcra.step(tat, now);
      if (step.decision().allowed()) {
        admitted++;
        tat = step.nextMicros();
      }
    }
    double elapsedSeconds = (now - start) / (double) SECOND_MICROS;
    assertThat(admitted).isLessThanOrEqualTo((int) Math.floor(burst + rate * elapsedSeconds));
  }

  @Property
  void aNewKeyAdmitsExactlyItsBurstAtOnceThenAgainAfterTheAnnouncedWait(
      @ForAll @IntRange(min = 1, max = 500) int burst,
      @ForAll @IntRange(min = 1, max = 100) int rate) {
    Gcra gcra = new Gcra(burst, rate);
    Long tat = null;
    for (int i = 0; i < burst; i++) {
      Gcra.Step step = gcra.step(tat, 0);
      assertThat(step.decision().allowed()).isTrue();
      assertThat(step.decision().remaining()).isEqualTo(burst - 1 - i);
      tat = step.nextMicros();
    }
    Gcra.Step refused = gcra.step(tat, 0);
    assertThat(refused.decision().allowed()).isFalse();
    assertThat(refused.nextMicros()).isEqualTo(tat);
    long waitMicros = refused.decision().retryAfterNanos() / 1_000L;
    assertThat(gcra.step(tat, waitMicros).decision().allowed()).isTrue();
  }
}
