package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.allocator.allocation.AllocatedEntry;
import io.focussync.allocator.allocation.BusySpan;
import io.focussync.allocator.day.Contribution;
import io.focussync.allocator.day.StoredPlan;
import io.focussync.allocator.day.SyncState;
import io.focussync.allocator.day.SyncStatus;
import io.focussync.allocator.day.UserDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Day writes through the wire server: a stored day is written with only its changes, and what is
 * read back is the whole day as it was saved.
 */
class UserDayStoreIntegrationTest extends AllocatorIntegrationTest {

  static final LocalDate DATE = LocalDate.of(2026, 11, 20);
  static final Instant NINE = Instant.parse("2026-11-20T09:00:00Z");

  static Contribution contribution(String id, long version, int hours) {
    return new Contribution(
        id, version, "A", NINE, NINE.plusSeconds(3600L * hours), null, "t " + id);
  }

  static StoredPlan plan(long revision, String... sessionIds) {
    return new StoredPlan(
        revision,
        "hash-" + revision,
        "NORMALIZED",
        "UTC",
        List.of(
            new AllocatedEntry(
                "other", null, NINE, NINE.plusSeconds(8 * 3600), "Dev", List.of(sessionIds))),
        Instant.parse("2026-11-20T18:00:00.123Z"),
        false,
        List.of());
  }

  UserDay stored() {
    return dayRepository.find(user, DATE).orElseThrow();
  }

  @Test
  void writesOfOnlyTheChangesReadBackAsTheWholeDay() {
    UserDay day = new UserDay(user, DATE);
    day.apply("a", 1, contribution("a", 1, 1));
    day.plan(plan(1, "a"));
    assertThat(dayRepository.saveAll(List.of(day))).isTrue();

    UserDay grown = stored();
    grown.apply("b", 1, contribution("b", 1, 2));
    grown.apply("c", 1, contribution("c", 1, 3));
    grown.plan(plan(2, "a", "b", "c"));
    grown.dueAt(NINE);
    assertThat(dayRepository.saveAll(List.of(grown))).isTrue();

    UserDay read = stored();
    assertThat(read.docVersion()).isEqualTo(2);
    assertThat(read.sessions()).containsOnlyKeys("a", "b", "c");
    assertThat(read.sessions().get("c")).isEqualTo(contribution("c", 1, 3));
    assertThat(read.plan()).isEqualTo(plan(2, "a", "b", "c"));
    assertThat(read.dueAt()).isEqualTo(NINE);

    read.apply("a", 2, contribution("a", 2, 4));
    read.apply("b", 2, null);
    read.dueAt(null);
    read.sync(new SyncState(2, SyncStatus.SYNCED, 2, false, List.of(), null, NINE));
    assertThat(dayRepository.saveAll(List.of(read))).isTrue();

    UserDay again = stored();
    assertThat(again.busy()).isEmpty();
    assertThat(again.busyObservedAt()).isNull();
    assertThat(again.sessions()).containsOnlyKeys("a", "c");
    assertThat(again.sessions().get("a")).isEqualTo(contribution("a", 2, 4));
    assertThat(again.removedVersions()).containsEntry("b", 2L);
    assertThat(again.dueAt()).isNull();
    assertThat(again.sync()).isEqualTo(read.sync());
    assertThat(again.plan()).isEqualTo(plan(2, "a", "b", "c"));
  }

  @Test
  void busyTimeAndThePlanMadeAroundItReadBackAsObserved() {
    List<BusySpan> busy =
        List.of(
            new BusySpan(NINE.plusSeconds(3600), NINE.plusSeconds(7200)),
            new BusySpan(NINE.minusSeconds(600), NINE.minusSeconds(600)));
    Instant observedAt = Instant.parse("2026-11-20T12:00:00.456Z");
    UserDay day = new UserDay(user, DATE);
    day.observeBusy(busy, observedAt);
    StoredPlan p = plan(1, "a");
    day.plan(
        new StoredPlan(
            p.revision(),
            p.hash(),
            p.mode(),
            p.timeZone(),
            p.entries(),
            p.plannedAt(),
            true,
            busy));
    assertThat(dayRepository.saveAll(List.of(day))).isTrue();

    UserDay read = stored();
    assertThat(read.busy()).isEqualTo(busy);
    assertThat(read.busyObservedAt()).isEqualTo(observedAt);
    assertThat(read.plan()).isEqualTo(day.plan());
    assertThat(read.observeBusy(List.of(), observedAt)).as("not newer").isFalse();
  }

  @Test
  void aDayWrittenBySomeoneElseInBetweenIsNotOverwritten() {
    UserDay day = new UserDay(user, DATE);
    day.apply("a", 1, contribution("a", 1, 1));
    dayRepository.saveAll(List.of(day));
    UserDay first = stored();
    UserDay second = stored();

    first.apply("b", 1, contribution("b", 1, 2));
    second.apply("c", 1, contribution("c", 1, 3));

    assertThat(dayRepository.saveAll(List.of(first))).isTrue();
    assertThat(dayRepository.saveAll(List.of(second))).isFalse();
    assertThat(stored().sessions()).containsOnlyKeys("a", "b");
  }
}
