package io.focussync.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at this JVM's {@link TestInfrastructure}, so integration tests
 * need no setup of their own and run unchanged on every backend.
 */
public final class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return new InfrastructureContextCustomizer();
  }

  private static final class InfrastructureContextCustomizer implements ContextCustomizer {

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      TestInfrastructure infrastructure = TestInfrastructure.get();
      Map<String, Object> properties =
          Map.of(
              "FOCUSSYNC_KAFKA_BOOTSTRAP",
              infrastructure.kafkaBootstrap(),
              "FOCUSSYNC_MONGODB_URI",
              infrastructure.mongoUri(),
              "FOCUSSYNC_INTERNAL_AUTH_KEY",
              TestInfrastructure.INTERNAL_AUTH_KEY,
              "FOCUSSYNC_SECRET_KEY",
              TestInfrastructure.SECRET_KEY);
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(new MapPropertySource("focussync-test-infrastructure", properties));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof InfrastructureContextCustomizer;
    }

    @Override
    public int hashCode() {
      return InfrastructureContextCustomizer.class.hashCode();
    }
  }
}
