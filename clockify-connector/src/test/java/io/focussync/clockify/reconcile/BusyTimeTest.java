package io.focussync.clockify.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.clockify.client.TimeEntry;
import io.focussync.contracts.dayplans.v1.BusyInterval;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which entries are the user's own, and the busy time they take: no Spring, no Clockify. */
class BusyTimeTest {

  private static final Instant DAY_START = Instant.parse("2026-11-20T00:00:00Z");
  private static final Instant DAY_END = Instant.parse("2026-11-21T00:00:00Z");

  private static Instant at(String time) {
    return Instant.parse("2026-11-20T" + time + "Z");
  }

  private static TimeEntry entry(String id, Instant start, Instant end, String... tags) {
    return new TimeEntry(id, null, start, end, "", List.of(tags), false);
  }

  private static BusyInterval interval(String from, String to) {
    return new BusyInterval(at(from), at(to));
  }

  @Test
  void entriesInALedgerOrWithTheMarkerTagAreOursEveryOtherIsTheUsers() {
    TimeEntry inLedger = entry("e1", at("09:00:00"), at("10:00:00"));
    TimeEntry tagged = entry("e2", at("09:00:00"), at("10:00:00"), "other", "marker");
    TimeEntry manual = entry("e3", at("09:00:00"), at("10:00:00"), "other");

    assertThat(BusyTime.ours(inLedger, Set.of("e1"), "marker")).isTrue();
    assertThat(BusyTime.ours(tagged, Set.of("e1"), "marker")).isTrue();
    assertThat(BusyTime.ours(manual, Set.of("e1"), "marker")).isFalse();
    assertThat(BusyTime.ours(manual, Set.of(), null)).isFalse();
  }

  @Test
  void theUsersEntriesAreClippedToTheDayMergedAndInOrder() {
    List<TimeEntry> listed =
        List.of(
            entry("late", at("22:00:00"), Instant.parse("2026-11-21T02:00:00Z")),
            entry("b", at("10:30:00"), at("11:15:00")),
            entry("a", at("10:00:00"), at("11:00:00")),
            entry("touching", at("11:15:00"), at("12:00:00.700")),
            entry("ours", at("13:00:00"), at("14:00:00"), "marker"),
            entry("running", at("15:00:00"), null),
            entry("empty", at("16:00:00"), at("16:00:00")),
            entry("early", Instant.parse("2026-11-19T23:00:00Z"), at("01:00:00")));

    assertThat(BusyTime.observed(listed, Set.of(), "marker", DAY_START, DAY_END))
        .containsExactly(
            interval("00:00:00", "01:00:00"),
            interval("10:00:00", "12:00:00"),
            new BusyInterval(at("22:00:00"), DAY_END));
  }

  @Test
  void aPlanWasMadeAroundTheSameTimeWhateverItsOrderOrPrecision() {
    List<BusyInterval> observed = List.of(interval("10:00:00", "11:00:00"));

    assertThat(
            BusyTime.plannedAround(
                List.of(
                    new BusyInterval(at("10:00:00.300"), at("10:30:00")),
                    interval("10:30:00", "11:00:00")),
                observed,
                DAY_START,
                DAY_END))
        .isTrue();
    assertThat(BusyTime.plannedAround(List.of(), observed, DAY_START, DAY_END)).isFalse();
    assertThat(BusyTime.plannedAround(List.of(), List.of(), DAY_START, DAY_END)).isTrue();
    assertThat(
            BusyTime.plannedAround(
                List.of(interval("10:00:00", "11:01:00")), observed, DAY_START, DAY_END))
        .isFalse();
  }
}
