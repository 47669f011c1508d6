package io.focussync.allocator;

import io.focussync.testsupport.ArchitectureRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

  private static final String BASE = "io.focussync.allocator";

  @TestFactory
  Stream<DynamicTest> serviceKeepsItsShape() {
    return ArchitectureRules.checkService(
        BASE,
        BASE + ".allocation..",
        BASE + ".rules..",
        BASE + ".ordering..",
        BASE + ".day.core..",
        BASE + ".settings.core..");
  }
}
