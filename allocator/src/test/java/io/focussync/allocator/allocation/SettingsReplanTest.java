package io.focussync.allocator.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SettingsReplanTest {

  static final LocalDate THURSDAY = LocalDate.of(2026, 11, 19);

  @Test
  void pastDaysClockifyHoldsKeepTheirPlan() {
    assertThat(SettingsReplan.replans(THURSDAY.minusDays(3), THURSDAY, true)).isFalse();
    assertThat(SettingsReplan.replans(THURSDAY.minusDays(1), THURSDAY, true)).isFalse();
  }

  @Test
  void todayLaterDaysAndDaysNeverSyncedAreReplanned() {
    assertThat(SettingsReplan.replans(THURSDAY, THURSDAY, true)).isTrue();
    assertThat(SettingsReplan.replans(THURSDAY.plusDays(1), THURSDAY, true)).isTrue();
    assertThat(SettingsReplan.replans(THURSDAY.minusDays(3), THURSDAY, false)).isTrue();
  }
}
