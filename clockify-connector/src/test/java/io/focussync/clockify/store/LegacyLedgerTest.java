package io.focussync.clockify.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.clockify.ledger.DayRecord;
import io.focussync.clockify.ledger.DayStore;
import io.focussync.clockify.ledger.ReceivedPlan;
import io.focussync.clockify.reconcile.SlotState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A data folder of an earlier version: its ledger moves into the day documents, nothing lost. */
class LegacyLedgerTest extends IntegrationTestBase {

  @Autowired DayStore days;
  @Autowired MongoTemplate mongo;

  @Test
  void aLedgerKeptTheOldWayMovesIntoItsDayOnceAndTheDayCanBeClaimed() {
    String user = unique("legacy");
    days.offer(List.of(ReceivedPlan.of(plan(user, 1, entry("a", "pa", "09:00", "17:00")))));
    String dayId = user + "|" + DAY;
    mongo
        .getCollection("days")
        .updateOne(new Document("_id", dayId), new Document("$unset", new Document("fence", "")));
    mongo
        .getCollection("ledger")
        .insertOne(
            new Document("_id", user + "|ws.1|" + DAY + "|a")
                .append("userId", user)
                .append("scope", "ws.1")
                .append("date", DAY.toString())
                .append("slot", "a")
                .append("entryId", "e-legacy")
                .append("hash", "h")
                .append("state", "SYNCED")
                .append("projectId", "pa")
                .append("start", at("09:00").toString())
                .append("blockedRevision", 0L));

    new MongoDayStore(mongo, Clock.systemUTC());

    assertThat(mongo.collectionExists("ledger")).isFalse();
    DayRecord migrated = days.find(user, DAY).orElseThrow();
    assertThat(migrated.ledger("ws.1"))
        .singleElement()
        .satisfies(
            slot -> {
              assertThat(slot.entryId()).isEqualTo("e-legacy");
              assertThat(slot.state()).isEqualTo(SlotState.SYNCED);
              assertThat(slot.start()).isEqualTo(at("09:00"));
            });
    assertThat(days.claim(migrated, "replica-a", Instant.now().plusSeconds(60))).isPresent();
  }
}
