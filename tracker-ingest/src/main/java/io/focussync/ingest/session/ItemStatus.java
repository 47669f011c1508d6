package io.focussync.ingest.session;

import java.util.Locale;

/** What the API answers about one session it was sent, spelled in lower case in JSON. */
public enum ItemStatus {
  ACCEPTED,
  REJECTED,
  DELETED;

  /** The JSON spelling, e.g. {@code accepted}. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
