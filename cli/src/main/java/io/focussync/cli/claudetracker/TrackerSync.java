package io.focussync.cli.claudetracker;

import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;
import io.focussync.cli.http.ApiException;
import io.focussync.cli.http.GatewayClient;
import io.focussync.cli.http.Json;
import io.focussync.cli.http.Problem;
import io.focussync.cli.output.ProgressLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Brings the server in line with one read of the database: sends rows whose bodies changed since
 * the server last accepted them (batches of at most 1000 sessions), then deletes the ids no row is
 * sent under any more. The state is written after each accepted batch, so an interrupted pass
 * resumes where it stopped.
 */
public final class TrackerSync {

  static final int MAX_BATCH_SESSIONS = 1000;
  // tracker-ingest refuses JSON bodies over 1 MiB
  static final int MAX_BATCH_BYTES = 900 * 1024;
  private static final int SAVE_EVERY_DELETES = 100;

  private final GatewayClient client;
  private final SyncStateStore store;
  private final ProgressLine progress;
  // rows refused as they are: not sent again until they change (watch polls every few seconds)
  private final Map<String, String> refused = new HashMap<>();

  public TrackerSync(GatewayClient client, SyncStateStore store, ProgressLine progress) {
    this.client = client;
    this.store = store;
    this.progress = progress;
  }

  /** One pass: what changed is sent, what is gone is deleted. */
  public PassResult pass(List<TrackerRow> rows) {
    SyncState state = store.state();
    List<RowPlan> plans = new ArrayList<>();
    List<PassResult.Rejection> rejected = new ArrayList<>();
    Set<String> present = new HashSet<>();
    Set<String> live = new HashSet<>();
    int skipped = 0;
    for (TrackerRow row : rows) {
      present.add(row.sourcePath());
      try {
        RowPlan plan = SessionPlanner.plan(row);
        if (plan.sessions().isEmpty()) {
          skipped++;
        } else {
          plans.add(plan);
          live.addAll(plan.ids());
        }
      } catch (InvalidRowException e) {
        String key = "invalid:" + e.getMessage();
        if (!key.equals(refused.put(row.sourcePath(), key))) {
          rejected.add(new PassResult.Rejection(row.sourcePath(), List.of(e.getMessage())));
        }
      }
    }
    boolean dirty = state.keepLive(live);
    for (String sourcePath : List.copyOf(state.rows().keySet())) {
      if (!present.contains(sourcePath)) {
        state.gone(sourcePath);
        dirty = true;
      }
    }
    if (dirty) {
      store.save();
    }
    List<RowPlan> changed = new ArrayList<>();
    for (RowPlan plan : plans) {
      SyncState.Sent sent = state.rows().get(plan.sourcePath());
      boolean known = sent != null && sent.hash().equals(plan.hash());
      if (!known && !plan.hash().equals(refused.get(plan.sourcePath()))) {
        changed.add(plan);
      }
    }
    int unchanged = plans.size() - changed.size();
    int toSend = changed.stream().mapToInt(plan -> plan.sessions().size()).sum();
    int total = toSend + state.pendingDeletes().size();
    boolean showProgress = total > MAX_BATCH_SESSIONS;
    int sent = 0;
    int accepted = 0;
    try {
      for (List<RowPlan> chunk : chunks(changed)) {
        int[] counts = sendBatch(chunk, rejected);
        sent += counts[0];
        accepted += counts[1];
        store.save();
        if (showProgress) {
          progress.show(
              "claude-tracker: %d/%d sessions sent (%d accepted, %d rejected)"
                  .formatted(sent, toSend, accepted, sent - accepted));
        }
      }
      int deleted = deletePending(showProgress);
      return new PassResult(sent, accepted, rejected, deleted, unchanged, skipped);
    } finally {
      progress.finish();
    }
  }

  private int[] sendBatch(List<RowPlan> chunk, List<PassResult.Rejection> rejected) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("{\"sessions\":[".getBytes(StandardCharsets.UTF_8));
    int count = 0;
    for (RowPlan plan : chunk) {
      for (byte[] session : plan.bodies()) {
        if (count++ > 0) {
          body.write(',');
        }
        body.writeBytes(session);
      }
    }
    body.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
    JsonNode answer = client.post("/api/v1/sessions/batch", body.toByteArray(), true);
    Map<Integer, JsonNode> results = new HashMap<>();
    for (JsonNode result : answer.path("results")) {
      results.put(result.path("index").asInt(-1), result);
    }
    if (results.size() != count) {
      throw new CliException(
          ExitCodes.FAILED,
          "The gateway answered a batch of " + count + " with " + results.size() + " results.");
    }
    int index = 0;
    int accepted = 0;
    for (RowPlan plan : chunk) {
      List<String> problems = new ArrayList<>();
      for (OutgoingSession session : plan.sessions()) {
        JsonNode result = results.get(index++);
        if ("accepted".equals(Json.text(result, "status"))) {
          accepted++;
        } else {
          List<String> errors = Problem.fieldErrors(result.get("errors"));
          problems.add(
              session.id() + ": " + (errors.isEmpty() ? "rejected" : String.join("; ", errors)));
        }
      }
      if (problems.isEmpty()) {
        store.state().accepted(plan.sourcePath(), plan.hash(), plan.ids());
        refused.remove(plan.sourcePath());
      } else {
        refused.put(plan.sourcePath(), plan.hash());
        rejected.add(new PassResult.Rejection(plan.sourcePath(), problems));
      }
    }
    return new int[] {count, accepted};
  }

  private int deletePending(boolean showProgress) {
    List<String> ids = List.copyOf(store.state().pendingDeletes());
    int deleted = 0;
    try {
      for (String id : ids) {
        try {
          client.delete("/api/v1/sessions/" + GatewayClient.segment(id));
        } catch (ApiException e) {
          if (e.status() != 404) {
            throw e;
          }
        }
        store.state().pendingDeletes().remove(id);
        deleted++;
        if (deleted % SAVE_EVERY_DELETES == 0) {
          store.save();
          if (showProgress) {
            progress.show("claude-tracker: %d/%d deleted".formatted(deleted, ids.size()));
          }
        }
      }
    } finally {
      if (deleted % SAVE_EVERY_DELETES != 0) {
        store.save();
      }
    }
    return deleted;
  }

  static List<List<RowPlan>> chunks(List<RowPlan> plans) {
    List<List<RowPlan>> chunks = new ArrayList<>();
    List<RowPlan> current = new ArrayList<>();
    int sessions = 0;
    int bytes = 0;
    for (RowPlan plan : plans) {
      boolean full =
          sessions + plan.sessions().size() > MAX_BATCH_SESSIONS
              || bytes + plan.size() > MAX_BATCH_BYTES;
      if (full && !current.isEmpty()) {
        chunks.add(current);
        current = new ArrayList<>();
        sessions = 0;
        bytes = 0;
      }
      current.add(plan);
      sessions += plan.sessions().size();
      bytes += plan.size();
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }
}
