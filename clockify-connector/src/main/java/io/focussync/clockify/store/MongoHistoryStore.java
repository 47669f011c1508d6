package io.focussync.clockify.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.focussync.clockify.history.HistoryStore;
import io.focussync.clockify.history.SyncRun;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Sync runs in the {@code sync_history} collection. */
@Repository
public class MongoHistoryStore implements HistoryStore {

  private final MongoCollection<Document> runs;

  public MongoHistoryStore(MongoTemplate mongo) {
    this.runs = mongo.getCollection("sync_history");
    this.runs.createIndex(Indexes.ascending("userId", "date"));
  }

  @Override
  public void record(SyncRun run) {
    List<Document> calls = new ArrayList<>();
    if (run.calls() != null) {
      run.calls()
          .forEach(
              call ->
                  calls.add(
                      new Document("method", call.method())
                          .append("path", call.path())
                          .append("body", call.body())));
    }
    runs.insertOne(
        new Document("userId", run.userId())
            .append("date", run.date().toString())
            .append("revision", run.revision())
            .append("at", Date.from(run.at()))
            .append("created", run.created())
            .append("updated", run.updated())
            .append("deleted", run.deleted())
            .append("failed", run.failed())
            .append("dryRun", run.dryRun())
            .append("status", run.status())
            .append("error", run.error())
            .append("calls", calls));
  }

  @Override
  public List<SyncRun> find(String userId, LocalDate from, LocalDate to) {
    List<SyncRun> found = new ArrayList<>();
    for (Document doc :
        runs.find(
                and(eq("userId", userId), gte("date", from.toString()), lte("date", to.toString())))
            .sort(Sorts.ascending("at"))) {
      List<SyncRun.Call> calls = new ArrayList<>();
      for (Document call : doc.getList("calls", Document.class, List.of())) {
        calls.add(
            new SyncRun.Call(
                call.getString("method"), call.getString("path"), call.getString("body")));
      }
      found.add(
          new SyncRun(
              doc.getString("userId"),
              LocalDate.parse(doc.getString("date")),
              MongoDayStore.number(doc, "revision"),
              doc.getDate("at").toInstant(),
              (int) MongoDayStore.number(doc, "created"),
              (int) MongoDayStore.number(doc, "updated"),
              (int) MongoDayStore.number(doc, "deleted"),
              (int) MongoDayStore.number(doc, "failed"),
              Boolean.TRUE.equals(doc.getBoolean("dryRun")),
              doc.getString("status"),
              doc.getString("error"),
              calls));
    }
    return found;
  }
}
