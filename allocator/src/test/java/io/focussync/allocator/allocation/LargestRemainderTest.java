package io.focussync.allocator.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LargestRemainderTest {

  @Test
  void givesLeftoversToTheLargestRemainders() {
    assertThat(LargestRemainder.allocate(480, new long[] {3, 1, 1})).containsExactly(288, 96, 96);
    assertThat(LargestRemainder.allocate(10, new long[] {1, 1, 1})).containsExactly(4, 3, 3);
    // exact 6.4 / 19.2 / 6.4: remainders .4 tie, equal weights: the lower index gets the unit.
    assertThat(LargestRemainder.allocate(32, new long[] {1, 3, 1})).containsExactly(7, 19, 6);
  }

  @Test
  void breaksRemainderTiesByWeightThenIndex() {
    // exact shares 1.5 / 1.5 / 0: tie on remainder and weight: lower index wins.
    assertThat(LargestRemainder.allocate(3, new long[] {1, 1, 0})).containsExactly(2, 1, 0);
  }

  @Test
  void nothingToShareGivesZeros() {
    assertThat(LargestRemainder.allocate(10, new long[] {0, 0})).containsExactly(0, 0);
  }
}
