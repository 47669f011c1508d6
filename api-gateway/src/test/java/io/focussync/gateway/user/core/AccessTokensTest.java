package io.focussync.gateway.user.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

  @Test
  void tokensCarry256RandomBitsAndNeverRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = AccessTokens.generate();
      assertThat(token).startsWith(AccessTokens.PREFIX);
      byte[] bits = Base64.getUrlDecoder().decode(token.substring(AccessTokens.PREFIX.length()));
      assertThat(bits).hasSize(32);
      assertThat(seen.add(token)).isTrue();
    }
  }

  @Test
  void hashIsSha256HexAndStable() {
    assertThat(AccessTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(AccessTokens.hash("fs_x")).isEqualTo(AccessTokens.hash("fs_x"));
  }

  @Test
  void matchesOnlyTheExactTokenAndNeverAnEmptyOne() {
    assertThat(AccessTokens.matches("secret-admin", "secret-admin")).isTrue();
    assertThat(AccessTokens.matches("secret-admiN", "secret-admin")).isFalse();
    assertThat(AccessTokens.matches("secret", "secret-admin")).isFalse();
    assertThat(AccessTokens.matches("", "")).isFalse();
    assertThat(AccessTokens.matches(null, "x")).isFalse();
  }

  @Test
  void userNamesMustBeShortPrintableAndNotBlank() {
    assertThat(UserNames.problemWith("ada")).isEmpty();
    assertThat(UserNames.problemWith(" ")).isPresent();
    assertThat(UserNames.problemWith(null)).isPresent();
    assertThat(UserNames.problemWith("a".repeat(101))).isPresent();
    assertThat(UserNames.problemWith("a\u0000b")).isPresent();
  }
}
