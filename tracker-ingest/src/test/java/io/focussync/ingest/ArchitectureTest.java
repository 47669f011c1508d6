package io.focussync.ingest;

import io.focussync.testsupport.ArchitectureRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

  private static final String BASE = "io.focussync.ingest";

  // The session core (validation, identity, versions) is plain Java; its adapters live in
  // session.api. So is the focus-session core (duration, merge patch); its adapters are in focus.
  @TestFactory
  Stream<DynamicTest> serviceKeepsItsShape() {
    return ArchitectureRules.checkService(BASE, BASE + ".session", BASE + ".focus.core");
  }
}
