package io.focussync.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureRulesTest {

  private static final String BASE = "io.focussync.testsupport.fixture";

  private final JavaClasses fixture = new ClassFileImporter().importPackages(BASE);
  private final List<ArchRule> rules = ArchitectureRules.forService(BASE, BASE + ".core..");

  @Test
  void aCoreClassImportingSpringBreaksTheCoreRule() {
    assertThatThrownBy(() -> rules.get(0).check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LeakyCore");
  }

  @Test
  void aMessagingClassBuildingItsOwnKafkaRecordBreaksThePlatformMessagingRule() {
    assertThatThrownBy(() -> rules.get(2).check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("OwnProducer")
        .hasMessageContaining("ProducerRecord");
  }

  @Test
  void aClientBuildingSpringsOwnJdkRequestFactoryBreaksThePlatformHttpRule() {
    assertThatThrownBy(() -> rules.get(5).check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("OwnHttpClient")
        .hasMessageContaining("JdkClientHttpRequestFactory");
  }

  @Test
  void theOtherRulesHoldForTheFixture() {
    assertThat(List.of(rules.get(1), rules.get(3), rules.get(4)))
        .allSatisfy(rule -> rule.allowEmptyShould(true).check(fixture));
  }
}
