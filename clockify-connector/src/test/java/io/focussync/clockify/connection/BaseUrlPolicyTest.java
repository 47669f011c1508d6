package io.focussync.clockify.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaseUrlPolicyTest {

  private final BaseUrlPolicy policy =
      new BaseUrlPolicy(List.of("https://api.clockify.me/api", "https://euc1.clockify.me/api/"));

  @Test
  void allowsListedPrefixesOnWholeSegments() {
    assertThat(policy.problem("https://api.clockify.me/api")).isEmpty();
    assertThat(policy.problem("https://API.clockify.me/api/")).isEmpty();
    assertThat(policy.problem("https://euc1.clockify.me/api")).isEmpty();
    assertThat(policy.problem("https://api.clockify.me/api/v1")).isEmpty();
  }

  @Test
  void rejectsLookAlikesAndOtherHosts() {
    assertThat(policy.problem("https://api.clockify.me/apix")).isPresent();
    assertThat(policy.problem("https://api.clockify.me.evil.example/api")).isPresent();
    assertThat(policy.problem("https://user@api.clockify.me/api")).isPresent();
    assertThat(policy.problem("https://api.clockify.me/api?x=1")).isPresent();
    assertThat(policy.problem("http://10.0.0.1/api")).isPresent();
    assertThat(policy.problem("ftp://api.clockify.me/api")).isPresent();
    assertThat(policy.problem("::::")).isPresent();
  }
}
