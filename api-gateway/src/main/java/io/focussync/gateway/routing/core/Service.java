package io.focussync.gateway.routing.core;

/** The services behind the gateway. */
public enum Service {
  TRACKER_INGEST("tracker-ingest"),
  ALLOCATOR("allocator"),
  CLOCKIFY_CONNECTOR("clockify-connector"),
  NOTION_CONNECTOR("notion-connector");

  private final String displayName;

  Service(String displayName) {
    this.displayName = displayName;
  }

  /** The service's name as people know it. */
  public String displayName() {
    return displayName;
  }
}
