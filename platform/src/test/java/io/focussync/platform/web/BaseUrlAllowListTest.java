package io.focussync.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cases of the two allow-lists it replaces (the Clockify and the Notion connection's). */
class BaseUrlAllowListTest {

  private final BaseUrlAllowList clockify =
      new BaseUrlAllowList(
          "Clockify", List.of("https://api.clockify.me/api", "https://euc1.clockify.me/api/"));
  private final BaseUrlAllowList notion =
      new BaseUrlAllowList("Notion", List.of("https://api.notion.com", "http://127.0.0.1:8089/n"));

  @Test
  void allowsListedPrefixesOnWholeSegments() {
    assertThat(clockify.problem("https://api.clockify.me/api")).isEmpty();
    assertThat(clockify.problem("https://API.clockify.me/api/")).isEmpty();
    assertThat(clockify.problem("https://euc1.clockify.me/api")).isEmpty();
    assertThat(clockify.problem("https://api.clockify.me/api/v1")).isEmpty();
    assertThat(notion.problem("https://api.notion.com/")).isEmpty();
    assertThat(notion.problem("https://API.notion.com:443")).isEmpty();
    assertThat(notion.problem("http://127.0.0.1:8089/n/x")).isEmpty();
  }

  @Test
  void rejectsLookAlikesAndOtherHosts() {
    assertThat(clockify.problem("https://api.clockify.me/apix")).isPresent();
    assertThat(clockify.problem("https://api.clockify.me.evil.example/api"))
        .contains("is not on the allowed list of Clockify base URLs");
    assertThat(clockify.problem("https://user@api.clockify.me/api")).isPresent();
    assertThat(clockify.problem("https://api.clockify.me/api?x=1")).isPresent();
    assertThat(clockify.problem("http://10.0.0.1/api")).isPresent();
    assertThat(clockify.problem("ftp://api.clockify.me/api")).contains("must be an http(s) URL");
    assertThat(clockify.problem("::::")).contains("is not a valid URL");
    assertThat(notion.problem("https://api.notion.com.evil.example")).isPresent();
    assertThat(notion.problem("https://user@api.notion.com")).isPresent();
    assertThat(notion.problem("http://api.notion.com")).isPresent();
    assertThat(notion.problem("http://127.0.0.1:8089/nx")).isPresent();
    assertThat(notion.problem("not a url")).isPresent();
  }

  @Test
  void anotherPortOfAnAllowedHostIsNotAllowed() {
    assertThat(notion.problem("http://127.0.0.1:8090/n")).isPresent();
    assertThat(clockify.problem("https://api.clockify.me:8443/api"))
        .contains("is not on the allowed list of Clockify base URLs");
    assertThat(clockify.problem("https://api.clockify.me:443/api")).isEmpty();
  }

  @Test
  void theStoredFormHasLowerCaseSchemeAndHostAndNoTrailingSlash() {
    assertThat(BaseUrlAllowList.normalize(" HTTPS://API.Clockify.me/Api/ "))
        .isEqualTo("https://api.clockify.me/Api");
    assertThat(BaseUrlAllowList.normalize("https://api.notion.com/"))
        .isEqualTo("https://api.notion.com");
  }
}
