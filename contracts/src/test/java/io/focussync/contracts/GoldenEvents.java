package io.focussync.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the golden JSON samples that producer and consumer tests share. */
public final class GoldenEvents {

  private GoldenEvents() {}

  /** The bytes of {@code golden/<name>.json} from the contracts test resources. */
  public static byte[] read(String name) {
    try (InputStream in = GoldenEvents.class.getResourceAsStream("/golden/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no golden file " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
