package io.focussync.clockify.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.clockify.ledger.DayRecord;
import io.focussync.clockify.ledger.DayStatus;
import io.focussync.clockify.ledger.DayStore;
import io.focussync.clockify.ledger.ReceivedPlan;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The batched intake write: one winner per revision, even against concurrent intakes. */
class MongoDayStoreTest extends IntegrationTestBase {

  private static final int DAYS = 5;
  private static final int REVISIONS = 25;
  private static final int INTAKES = 4;

  @Autowired DayStore days;
  @Autowired MongoTemplate mongo;

  @Test
  void aBatchKeepsOnlyRevisionsAboveTheHeldOnesAndTellsWhichItKept() {
    String user = unique("offer");
    LocalDate newDay = DAY.minusDays(1);
    DayPlanned fresh = plan(user, newDay, 1);
    try {
      assertThat(days.offer(List.of(received(user, DAY, 3)))).hasSize(1);

      assertThat(days.offer(List.of(received(user, DAY, 3), ReceivedPlan.of(fresh))))
          .extracting(DayPlanned::date, DayPlanned::revision)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(newDay, 1L));
      assertThat(days.offer(List.of(received(user, newDay, 1), received(user, DAY, 4))))
          .extracting(DayPlanned::date, DayPlanned::revision)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(DAY, 4L));

      assertThat(days.find(user, DAY).orElseThrow().plan().revision()).isEqualTo(4);
      // Stored as the JSON it came in, read back as the same plan.
      assertThat(days.find(user, newDay).orElseThrow().plan()).isEqualTo(fresh);
      assertThat(days.offer(List.of(received(user, DAY, 2)))).isEmpty();
    } finally {
      settle(user, List.of(DAY, newDay), 4);
    }
  }

  @Test
  void whenAnotherWriterTakesOneDayOfTheBatchTheOthersStillCountAsKept() {
    String user = unique("conflict");
    LocalDate other = DAY.minusDays(1);
    try {
      days.offer(List.of(received(user, DAY, 1), received(user, other, 1)));
      DayPlanned elsewhere = plan(user, other, 2, "p-elsewhere");
      // Between this intake's read and its write, another one stores revision 2 of one day.
      MONGO_COMMANDS.onceBefore(
          "days",
          "update",
          user,
          () ->
              mongo
                  .getCollection("days")
                  .updateOne(
                      new Document("_id", MongoDayStore.id(user, other)),
                      new Document(
                          "$set",
                          new Document("revision", 2L)
                              .append("intake", "another intake")
                              .append(
                                  "plan",
                                  new String(
                                      EventCodec.toJson(elsewhere), StandardCharsets.UTF_8)))));

      List<DayPlanned> kept = days.offer(List.of(received(user, DAY, 2), received(user, other, 2)));

      assertThat(kept)
          .extracting(DayPlanned::date, DayPlanned::revision)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(DAY, 2L));
      assertThat(days.find(user, DAY).orElseThrow().plan().revision()).isEqualTo(2);
      assertThat(days.find(user, other).orElseThrow().plan()).isEqualTo(elsewhere);
    } finally {
      settle(user, List.of(DAY, other), 2);
    }
  }

  @Test
  void concurrentIntakesOfTheSameDaysKeepEachRevisionAtMostOnceAndTheNewestExactlyOnce()
      throws Exception {
    String user = unique("race");
    List<LocalDate> dates = new ArrayList<>();
    for (int d = 0; d < DAYS; d++) {
      dates.add(DAY.minusDays(d));
    }
    Map<String, Integer> keptBy = new ConcurrentHashMap<>();
    List<String> keptTwice = new CopyOnWriteArrayList<>();
    List<String> misreported = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(INTAKES);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> intakes = new ArrayList<>();
      for (int i = 0; i < INTAKES; i++) {
        int intake = i;
        intakes.add(
            pool.submit(
                () -> {
                  start.await();
                  String writer = "intake-" + intake;
                  for (int revision = 1; revision <= REVISIONS; revision++) {
                    List<ReceivedPlan> poll = new ArrayList<>();
                    for (LocalDate date : dates) {
                      poll.add(ReceivedPlan.of(plan(user, date, revision, writer)));
                    }
                    Set<LocalDate> keptDates = new HashSet<>();
                    for (DayPlanned plan : days.offer(poll)) {
                      keptDates.add(plan.date());
                      String key = plan.date() + "@" + plan.revision();
                      if (keptBy.putIfAbsent(key, intake) != null) {
                        keptTwice.add(key);
                      }
                    }
                    // Unless overtaken meanwhile, the store shows whether this intake's write took.
                    for (LocalDate date : dates) {
                      DayPlanned stored = days.find(user, date).orElseThrow().plan();
                      boolean mine =
                          stored.revision() == revision
                              && stored.entries().get(0).projectId().equals(writer);
                      boolean sameRevision = stored.revision() == revision;
                      if (sameRevision && mine != keptDates.contains(date)) {
                        misreported.add(date + "@" + revision + " by " + writer);
                      }
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> intake : intakes) {
        intake.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    try {
      assertThat(keptTwice).isEmpty();
      assertThat(misreported).isEmpty();
      for (LocalDate date : dates) {
        assertThat(keptBy).containsKey(date + "@" + REVISIONS);
        assertThat(days.find(user, date).orElseThrow().plan().revision()).isEqualTo(REVISIONS);
      }
    } finally {
      settle(user, dates, REVISIONS);
    }
  }

  private static ReceivedPlan received(String user, LocalDate date, long revision) {
    return ReceivedPlan.of(plan(user, date, revision));
  }

  private static DayPlanned plan(String user, LocalDate date, long revision) {
    return plan(user, date, revision, "pa");
  }

  /** A plan whose project names its writer (the store cannot tell same revisions apart). */
  private static DayPlanned plan(String user, LocalDate date, long revision, String projectId) {
    return plan(user, date, revision, entry(date, "project:a", projectId, "09:00", "17:00"));
  }

  /** These days have no connection: applied by hand, so no other test sees them pending. */
  private void settle(String user, List<LocalDate> dates, long revision) {
    for (LocalDate date : dates) {
      DayRecord claimed =
          days.claim(days.find(user, date).orElseThrow(), "test", Instant.now().plusSeconds(60))
              .orElseThrow();
      days.settle(
          claimed.key(),
          claimed.fence(),
          new DayStore.Settlement(revision, true, DayStatus.SYNCED, null, 0, 0, null));
    }
  }
}
