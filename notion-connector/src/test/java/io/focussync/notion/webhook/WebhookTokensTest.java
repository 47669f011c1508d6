package io.focussync.notion.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookTokensTest {

  @Test
  void tokensAre256RandomBitsInUrlSafeText() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = WebhookTokens.newToken();
      assertThat(token).matches("[A-Za-z0-9_-]{43}");
      assertThat(WebhookTokens.wellFormed(token)).isTrue();
      tokens.add(token);
    }
    assertThat(tokens).hasSize(1000);
  }

  @Test
  void onlyTheTokensShapeIsWellFormed() {
    assertThat(WebhookTokens.wellFormed(null)).isFalse();
    assertThat(WebhookTokens.wellFormed("")).isFalse();
    assertThat(WebhookTokens.wellFormed("a".repeat(42))).isFalse();
    assertThat(WebhookTokens.wellFormed("a".repeat(44))).isFalse();
    assertThat(WebhookTokens.wellFormed("a".repeat(42) + "=")).isFalse();
    assertThat(WebhookTokens.wellFormed("a".repeat(42) + "/")).isFalse();
  }

  @Test
  void theHashIsHexSha256() {
    assertThat(WebhookTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void urlsArePathsUnlessAPublicBaseUrlIsSet() {
    assertThat(new WebhookProperties(null).urlOf("t")).isEqualTo("/api/v1/webhooks/notion/t");
    assertThat(new WebhookProperties(" https://focussync.example.com/ ").urlOf("t"))
        .isEqualTo("https://focussync.example.com/api/v1/webhooks/notion/t");
    assertThatThrownBy(() -> new WebhookProperties("focussync.example.com"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
