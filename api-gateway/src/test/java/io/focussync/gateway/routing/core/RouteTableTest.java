package io.focussync.gateway.routing.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTableTest {

  @Test
  void sessionsAreWrittenAtIngestAndReadAtTheAllocator() {
    assertThat(service("POST", "/api/v1/sessions")).isEqualTo(Service.TRACKER_INGEST);
    assertThat(service("POST", "/api/v1/sessions/batch")).isEqualTo(Service.TRACKER_INGEST);
    assertThat(service("DELETE", "/api/v1/sessions/api:1")).isEqualTo(Service.TRACKER_INGEST);
    assertThat(service("GET", "/api/v1/sessions")).isEqualTo(Service.ALLOCATOR);
    assertThat(RouteTable.find("GET", "/api/v1/sessions/api:1")).isEmpty();
  }

  @Test
  void focusSessionsAreWrittenAtIngestAndReadAtTheAllocator() {
    assertThat(service("POST", "/api/v1/focus-sessions")).isEqualTo(Service.TRACKER_INGEST);
    assertThat(service("PATCH", "/api/v1/focus-sessions/rest:1")).isEqualTo(Service.TRACKER_INGEST);
    assertThat(service("DELETE", "/api/v1/focus-sessions/rest:1"))
        .isEqualTo(Service.TRACKER_INGEST);
    assertThat(service("GET", "/api/v1/focus-sessions")).isEqualTo(Service.ALLOCATOR);
    assertThat(service("GET", "/api/v1/focus-sessions/rest:1")).isEqualTo(Service.ALLOCATOR);
    assertThat(RouteTable.find("PUT", "/api/v1/focus-sessions/rest:1")).isEmpty();
    assertThat(RouteTable.find("GET", "/api/v1/focus-sessionsx")).isEmpty();
    assertThat(RouteTable.allowedMethods("/api/v1/focus-sessions/rest:1"))
        .containsExactly("DELETE", "GET", "PATCH", "POST");
  }

  @Test
  void prefixPatternsMatchThePrefixAndBelowOnly() {
    assertThat(service("GET", "/api/v1/days")).isEqualTo(Service.ALLOCATOR);
    assertThat(service("POST", "/api/v1/days/2026-11-20/approve")).isEqualTo(Service.ALLOCATOR);
    assertThat(RouteTable.find("GET", "/api/v1/daysx")).isEmpty();
    assertThat(service("GET", "/api/v1/connections/notion")).isEqualTo(Service.NOTION_CONNECTOR);
    assertThat(service("PUT", "/api/v1/connections/clockify"))
        .isEqualTo(Service.CLOCKIFY_CONNECTOR);
    assertThat(service("GET", "/api/v1/sync/history")).isEqualTo(Service.CLOCKIFY_CONNECTOR);
    assertThat(service("GET", "/api/v1/clockify/projects")).isEqualTo(Service.CLOCKIFY_CONNECTOR);
    assertThat(service("GET", "/api/v1/clockify/workspaces")).isEqualTo(Service.CLOCKIFY_CONNECTOR);
    assertThat(RouteTable.find("POST", "/api/v1/clockify/projects")).isEmpty();
  }

  @Test
  void onlyTheWebhooksAreUnauthenticated() {
    assertThat(RouteTable.routes().stream().filter(r -> !r.authenticated()))
        .extracting(Route::pattern)
        .containsExactly("/api/v1/webhooks/notion/*", "/api/v1/webhooks/notion");
  }

  @Test
  void aConnectionsWebhookUrlIsExactlyOneSegmentBelowTheWebhookPath() {
    String token = "/api/v1/webhooks/notion/Ab_-0123456789abcdefghijklmnopqrstuvwxyzABC";
    assertThat(service("POST", token)).isEqualTo(Service.NOTION_CONNECTOR);
    assertThat(RouteTable.find("POST", token).orElseThrow().authenticated()).isFalse();
    assertThat(service("POST", "/api/v1/webhooks/notion")).isEqualTo(Service.NOTION_CONNECTOR);
    assertThat(RouteTable.find("POST", "/api/v1/webhooks/notion/")).isEmpty();
    assertThat(RouteTable.find("POST", "/api/v1/webhooks/notion/a/b")).isEmpty();
    assertThat(RouteTable.find("POST", "/api/v1/webhooks/notion/..")).isEmpty();
    assertThat(RouteTable.find("POST", "/api/v1/webhooks/notionx")).isEmpty();
    assertThat(RouteTable.find("GET", token)).isEmpty();
    assertThat(RouteTable.allowedMethods(token)).containsExactly("POST");
  }

  @Test
  void allowedMethodsNameWhatARoutedPathTakes() {
    assertThat(RouteTable.allowedMethods("/api/v1/imports")).containsExactly("POST");
    assertThat(RouteTable.allowedMethods("/api/v1/sessions/x"))
        .containsExactly("DELETE", "POST", "PUT");
    assertThat(RouteTable.allowedMethods("/api/v1/sessions"))
        .containsExactly("DELETE", "GET", "POST", "PUT");
    assertThat(RouteTable.allowedMethods("/api/v1/days/x")).isEmpty();
    assertThat(RouteTable.allowedMethods("/api/v1/unknown")).isEmpty();
  }

  private static Service service(String method, String path) {
    return RouteTable.find(method, path).orElseThrow().service();
  }
}
