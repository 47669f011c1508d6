package io.focussync.notion.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.contracts.syncresults.v1.SyncedEntry;
import io.focussync.notion.store.ConnectionStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Days without Notion sessions, the most common on a busy results topic, cost no store read. */
class WriteBackServiceTest {

  private final ConnectionStore connections = mock(ConnectionStore.class);
  private final WriteBackService service =
      new WriteBackService(connections, null, null, null, null, null);

  @Test
  void aDayOfOtherSourcesIsSkippedWithoutReadingTheStore() {
    assertThat(service.apply(day("tracker:s-1", "tracker:s-2"))).isZero();
    verifyNoInteractions(connections);
  }

  @Test
  void aDayWithANotionSessionLooksUpItsConnection() {
    assertThat(service.apply(day("tracker:s-1", "notion:page-1"))).isZero();
    verify(connections).find("u-1");
  }

  private static DaySynced day(String... sessionIds) {
    return new DaySynced(
        "u-1",
        LocalDate.of(2026, 7, 6),
        1,
        false,
        List.of(new SyncedEntry("project:p", "e-1", null, List.of(sessionIds))),
        1,
        0,
        0,
        Instant.parse("2026-07-06T18:00:00Z"));
  }
}
