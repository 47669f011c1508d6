package io.focussync.allocator.day;

import io.focussync.allocator.allocation.BusySpan;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The clockify-connector's observation of the user's own Clockify entries on a day, as precise as
 * the store keeps instants (milliseconds), so that a day read back plans as it was planned.
 */
public record BusyObservation(DayRef day, List<BusySpan> busy, Instant observedAt) {

  public BusyObservation {
    busy =
        busy.stream()
            .map(
                b ->
                    new BusySpan(
                        b.start().truncatedTo(ChronoUnit.MILLIS),
                        b.end().truncatedTo(ChronoUnit.MILLIS)))
            .toList();
    observedAt = observedAt.truncatedTo(ChronoUnit.MILLIS);
  }
}
