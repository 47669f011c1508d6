package io.focussync.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InternalIdentityTest {

  private static final String KEY = "0123456789abcdef-shared";
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  private final InternalIdentity identity =
      new InternalIdentity(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aSignatureOfTheGatewayIsAccepted() {
    InternalIdentity.SignedIdentity signed = identity.sign("u-1");

    assertThat(identity.verify("u-1", signed.timestamp(), signed.signature())).contains("u-1");
  }

  @Test
  void anotherUserIdUnderTheSameSignatureIsRejected() {
    InternalIdentity.SignedIdentity signed = identity.sign("u-1");

    assertThat(identity.verify("u-2", signed.timestamp(), signed.signature())).isEmpty();
  }

  @Test
  void aSignatureUnderAnotherKeyIsRejected() {
    InternalIdentity forged =
        new InternalIdentity("another-key-of-16chars", Clock.fixed(NOW, ZoneOffset.UTC));
    InternalIdentity.SignedIdentity signed = forged.sign("u-1");

    assertThat(identity.verify("u-1", signed.timestamp(), signed.signature())).isEmpty();
  }

  @Test
  void aStaleSignatureIsRejected() {
    InternalIdentity past =
        new InternalIdentity(KEY, Clock.fixed(NOW.minus(Duration.ofMinutes(6)), ZoneOffset.UTC));
    InternalIdentity.SignedIdentity signed = past.sign("u-1");

    assertThat(identity.verify("u-1", signed.timestamp(), signed.signature())).isEmpty();
  }

  @Test
  void missingOrGarbledHeadersAreRejected() {
    assertThat(identity.verify(null, null, null)).isEmpty();
    assertThat(identity.verify("u-1", "not-a-number", "00")).isEmpty();
  }

  @Test
  void aShortKeyIsRefusedAtStartup() {
    assertThatThrownBy(() -> new InternalIdentity("short", Clock.systemUTC()))
        .hasMessageContaining("FOCUSSYNC_INTERNAL_AUTH_KEY");
  }
}
