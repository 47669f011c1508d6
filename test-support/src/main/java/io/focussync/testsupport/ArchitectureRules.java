package io.focussync.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The shape every service keeps: a domain core free of frameworks, Kafka only in {@code messaging},
 * MongoDB only in {@code store}, and no cycles between feature packages.
 */
public final class ArchitectureRules {

  private static final String[] FRAMEWORKS = {
    "org.springframework..",
    "org.apache.kafka..",
    "com.mongodb..",
    "org.bson..",
    "jakarta..",
    "tools.jackson.."
  };
  private static final String[] KAFKA = {
    "org.apache.kafka..", "org.springframework.kafka..", "org.springframework.cloud.stream.."
  };
  private static final String[] MONGODB = {
    "com.mongodb..", "org.bson..", "org.springframework.data.mongodb.."
  };

  private ArchitectureRules() {}

  /** One dynamic test per rule, over the service's production classes. */
  public static Stream<DynamicTest> checkService(String basePackage, String... corePackages) {
    JavaClasses classes = importService(basePackage);
    return forService(basePackage, corePackages).stream()
        .map(
            rule ->
                DynamicTest.dynamicTest(
                    rule.getDescription(), () -> rule.allowEmptyShould(true).check(classes)));
  }

  /** The production classes of a service's base package. */
  public static JavaClasses importService(String basePackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(basePackage);
  }

  /** All rules for a service whose framework-free domain core lives in the given packages. */
  public static List<ArchRule> forService(String basePackage, String... corePackages) {
    return List.of(
        noClasses()
            .that()
            .resideInAnyPackage(corePackages)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FRAMEWORKS)
            .as("the domain core imports no Spring, Kafka, MongoDB or Jackson"),
        noClasses()
            .that()
            .resideOutsideOfPackage(basePackage + ".messaging..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(KAFKA)
            .as("only the messaging package touches Kafka"),
        noClasses()
            .that()
            .resideOutsideOfPackage(basePackage + ".store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(MONGODB)
            .as("only the store package touches MongoDB"),
        slices()
            .matching(basePackage + ".(*)..")
            .should()
            .beFreeOfCycles()
            .as("feature packages have no cycles"));
  }
}
