package io.focussync.notion.client;

/** Where and as whom to call Notion: a base URL and an integration token (never logged). */
public record NotionAccess(String baseUrl, String token) {

  @Override
  public String toString() {
    return "NotionAccess[baseUrl=" + baseUrl + ", token=…]";
  }
}
