package io.focussync.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The shape every service keeps: a domain core free of frameworks, Kafka only in {@code messaging}
 * and only through the platform's publisher and error handling, MongoDB only in {@code store}, no
 * cycles between feature packages, and HTTP clients on the platform's request factories.
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

  /**
   * Ways to publish and to handle consumer failures that the platform's messaging mechanisms
   * ({@code EventPublisher}, {@code ContainerErrorHandling}) are the one use of.
   */
  private static final List<String> MESSAGING_MECHANISMS =
      List.of(
          "org.springframework.kafka.core.KafkaTemplate",
          "org.springframework.kafka.core.ProducerFactory",
          "org.apache.kafka.clients.producer.Producer",
          "org.apache.kafka.clients.producer.ProducerRecord",
          "org.springframework.cloud.stream.function.StreamBridge",
          "org.springframework.cloud.stream.binding.BindingService",
          "org.springframework.kafka.listener.CommonErrorHandler");

  /**
   * Spring's interface of HTTP request factories, which the platform's are the one way to build.
   */
  private static final String REQUEST_FACTORY =
      "org.springframework.http.client.ClientHttpRequestFactory";

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

  private static DescribedPredicate<JavaClass> messagingMechanisms() {
    return DescribedPredicate.describe(
        "Kafka's and Spring's own producers, StreamBridge, output bindings or error handlers",
        type -> MESSAGING_MECHANISMS.stream().anyMatch(type::isAssignableTo));
  }

  private static DescribedPredicate<JavaClass> ownRequestFactories() {
    return DescribedPredicate.describe(
        "HTTP request factories other than the platform's",
        type ->
            !type.isInterface()
                && type.isAssignableTo(REQUEST_FACTORY)
                && !type.getPackageName().startsWith("io.focussync.platform"));
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
            .resideOutsideOfPackage("io.focussync.platform..")
            .should()
            .dependOnClassesThat(messagingMechanisms())
            .as(
                "only the platform publishes (EventPublisher) and handles consumer failures"
                    + " (ContainerErrorHandling)"),
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
            .as("feature packages have no cycles"),
        noClasses()
            .that()
            .resideOutsideOfPackage("io.focussync.platform..")
            .should()
            .dependOnClassesThat(ownRequestFactories())
            .as(
                "HTTP clients use the platform's request factories (BlockingJdkRequests,"
                    + " StreamingJdkRequests)"));
  }
}
