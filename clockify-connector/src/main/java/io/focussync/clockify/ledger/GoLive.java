package io.focussync.clockify.ledger;

import io.focussync.clockify.connection.Connection;
import io.focussync.clockify.connection.ConnectionService;
import io.focussync.platform.web.DateRange;
import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.InvalidInputException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Pushes the days a dry run previewed once the connection is live: each day of the range whose
 * newest plan was applied only in the dry run of the connection's workspace is made pending again
 * and goes to the replica that owns it (at once if that is this one, else at its next recheck).
 */
@Service
public class GoLive {

  private final DayStore days;
  private final ConnectionService connections;
  private final DayScheduler scheduler;

  public GoLive(DayStore days, ConnectionService connections, DayScheduler scheduler) {
    this.days = days;
    this.connections = connections;
    this.scheduler = scheduler;
  }

  /** The dates made pending, in order. */
  public List<LocalDate> push(String userId, DateRange range) {
    Connection connection =
        connections
            .find(userId)
            .orElseThrow(() -> conflict("there is no Clockify connection: connect one first"));
    if (connection.dryRun()) {
      throw conflict(
          "is a dry run: save it live first (PUT /api/v1/connections/clockify with an apiKey and"
              + " \"dryRun\": false), then go live");
    }
    if (!connection.usable()) {
      throw conflict("needs attention: " + connection.attention());
    }
    List<LocalDate> pushed = new ArrayList<>();
    for (DayRecord day : days.between(userId, range.from(), range.to())) {
      if (day.previewedOnly(connection.workspaceId()) && days.reopen(day)) {
        pushed.add(day.plan().date());
        scheduler.schedule(day.key(), Duration.ZERO);
      }
    }
    pushed.sort(null);
    return pushed;
  }

  private static InvalidInputException conflict(String message) {
    return new InvalidInputException(409, List.of(new FieldProblem("connection", message)));
  }
}
