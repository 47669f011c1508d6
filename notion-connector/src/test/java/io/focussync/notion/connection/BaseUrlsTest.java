package io.focussync.notion.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaseUrlsTest {

  static final List<String> ALLOWED = List.of("https://api.notion.com", "http://127.0.0.1:8089/n");

  @Test
  void acceptsOnlyTheAllowedOriginsAndPaths() {
    assertThat(BaseUrls.allowed("https://api.notion.com/", ALLOWED))
        .contains("https://api.notion.com");
    assertThat(BaseUrls.allowed("https://API.notion.com:443", ALLOWED)).isPresent();
    assertThat(BaseUrls.allowed("http://127.0.0.1:8089/n/x", ALLOWED)).isPresent();
    assertThat(BaseUrls.allowed("https://api.notion.com.evil.example", ALLOWED)).isEmpty();
    assertThat(BaseUrls.allowed("https://user@api.notion.com", ALLOWED)).isEmpty();
    assertThat(BaseUrls.allowed("http://api.notion.com", ALLOWED)).isEmpty();
    assertThat(BaseUrls.allowed("http://127.0.0.1:8089/nx", ALLOWED)).isEmpty();
    assertThat(BaseUrls.allowed("http://127.0.0.1:8090/n", ALLOWED)).isEmpty();
    assertThat(BaseUrls.allowed("not a url", ALLOWED)).isEmpty();
  }
}
