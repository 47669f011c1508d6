package io.focussync.notion.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.notion.simulator.NotionSimulator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void matchesNotionsSchemeOverTheRawBytesOnly() {
    String body = "{\"verification_token\":\"secret_x\"}";
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    String signature = NotionSimulator.sign("secret_key", body);

    assertThat(WebhookSignature.sign("secret_key", raw)).isEqualTo(signature);
    assertThat(WebhookSignature.matches("secret_key", raw, signature)).isTrue();
    assertThat(
            WebhookSignature.matches(
                "secret_key", raw, signature.toUpperCase().replace("SHA256", "sha256")))
        .isTrue();
    assertThat(WebhookSignature.matches("secret_other", raw, signature)).isFalse();
    assertThat(
            WebhookSignature.matches(
                "secret_key", (body + " ").getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
    assertThat(WebhookSignature.matches("secret_key", raw, null)).isFalse();
    assertThat(WebhookSignature.matches("secret_key", raw, "sha256=")).isFalse();
  }
}
