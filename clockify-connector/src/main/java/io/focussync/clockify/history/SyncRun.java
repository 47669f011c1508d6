package io.focussync.clockify.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One attempt to apply a revision of a user-day's plan.
 *
 * @param calls for dry runs: the Clockify calls that would have been made, in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncRun(
    @JsonIgnore String userId,
    LocalDate date,
    long revision,
    Instant at,
    int created,
    int updated,
    int deleted,
    int failed,
    boolean dryRun,
    String status,
    String error,
    List<Call> calls) {

  public SyncRun {
    calls = calls == null || calls.isEmpty() ? null : List.copyOf(calls);
  }

  /** A Clockify call a dry run would have made. */
  public record Call(String method, String path, String body) {}
}
