package io.focussync.ingest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import io.focussync.testsupport.ArchitectureRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

  private static final String BASE = "io.focussync.ingest";

  @TestFactory
  Stream<DynamicTest> serviceKeepsItsShape() {
    JavaClasses classes = ArchitectureRules.importService(BASE);
    return ArchitectureRules.forService(BASE, CORE_PACKAGES).stream()
        .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> check(rule, classes)));
  }

  private static void check(ArchRule rule, JavaClasses classes) {
    rule.allowEmptyShould(true).check(classes);
  }

  // The session core (validation, identity, versions) is plain Java; its adapters live in
  // session.api.
  private static final String[] CORE_PACKAGES = {BASE + ".session"};
}
