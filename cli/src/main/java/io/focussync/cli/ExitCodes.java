package io.focussync.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of every command, as documented in {@code --help} and cli/README.md. */
public final class ExitCodes {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int UNREACHABLE = 3;
  public static final int AUTH_REFUSED = 4;

  private ExitCodes() {}

  /** The list shown under "Exit codes:" in every command's help. */
  public static Map<String, String> described() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(" " + OK, "done");
    codes.put(" " + FAILED, "the server reported a failure, or some sessions were rejected");
    codes.put(" " + USAGE, "usage error (unknown option, bad date, unreadable file, ...)");
    codes.put(" " + UNREACHABLE, "cannot reach the gateway or the store, or not logged in");
    codes.put(" " + AUTH_REFUSED, "the gateway refused the token (401/403)");
    return codes;
  }
}
