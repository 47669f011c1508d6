package io.focussync.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionIdentityTest {

  @Test
  void pathIdsMayBeBareOrFull() {
    assertThat(SessionIdentity.fromPath("abc")).contains("rest:abc");
    assertThat(SessionIdentity.fromPath("rest:abc")).contains("rest:abc");
    assertThat(SessionIdentity.fromPath("import:42")).contains("import:42");
    assertThat(SessionIdentity.fromPath("rest:")).isEmpty();
    assertThat(SessionIdentity.fromPath("other:abc")).isEmpty();
    assertThat(SessionIdentity.fromPath("a b")).isEmpty();
    assertThat(SessionIdentity.fromPath("x".repeat(129))).isEmpty();
  }

  @Test
  void derivedIdsAreStable() {
    assertThat(SessionIdentity.derived("u\nk")).isEqualTo(SessionIdentity.derived("u\nk"));
    assertThat(SessionIdentity.derived("u\nk")).isNotEqualTo(SessionIdentity.derived("u\nl"));
    assertThat(SessionIdentity.isValidClientId(SessionIdentity.derived("x"))).isTrue();
  }

  @Test
  void versionsAlwaysGrowEvenWithAFrozenOrBackwardClock() {
    VersionSequence frozen =
        new VersionSequence(Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC));

    long first = frozen.next();
    long second = frozen.next();

    assertThat(first).isEqualTo(Instant.parse("2026-11-20T12:00:00Z").getEpochSecond() * 1_000_000);
    assertThat(second).isEqualTo(first + 1);
  }
}
