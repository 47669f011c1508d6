package io.focussync.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Record contexts continued on Boot's OpenTelemetry tracer. (That log lines carry the trace id is
 * proven end to end by e2e's {@code TraceIdIT}: the MDC listener is bound to the JVM's first
 * context only.)
 */
class RecordTracingTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT = "00-" + TRACE + "-00f067aa0ba902b7-01";

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  OpenTelemetrySdkAutoConfiguration.class,
                  OpenTelemetryTracingAutoConfiguration.class,
                  MicrometerTracingAutoConfiguration.class))
          .withPropertyValues("management.tracing.sampling.probability=1.0");

  @Test
  void workRunsInAChildSpanOfTheRecordsTrace() {
    context.run(
        beans -> {
          RecordTracing tracing =
              new RecordTracing(beans.getBean(Tracer.class), beans.getBean(Propagator.class));
          AtomicReference<String> inside = new AtomicReference<>();

          tracing.run(
              PARENT,
              "work",
              () -> {
                inside.set(tracing.currentTraceparent());
              });

          assertThat(inside.get()).startsWith("00-" + TRACE + "-").isNotEqualTo(PARENT);
          assertThat(tracing.currentTraceparent()).isNull();
        });
  }

  @Test
  void withoutAContextTheWorkStartsATraceOfItsOwn() {
    context.run(
        beans -> {
          RecordTracing tracing =
              new RecordTracing(beans.getBean(Tracer.class), beans.getBean(Propagator.class));
          String inside = tracing.call(null, "work", tracing::currentTraceparent);
          String other = tracing.call("not a traceparent", "work", tracing::currentTraceparent);

          assertThat(inside).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
          assertThat(other).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
          assertThat(other.substring(3, 35)).isNotEqualTo(inside.substring(3, 35));
        });
  }

  @Test
  void aBatchGivesEachKeyTheContextOfItsLastRecordAndOthersTheCurrentOne() {
    context.run(
        beans -> {
          RecordTracing tracing =
              new RecordTracing(beans.getBean(Tracer.class), beans.getBean(Propagator.class));
          String second = "00-" + TRACE.replace('4', '5') + "-00f067aa0ba902b7-01";
          try (RecordTracing.Batch batch = tracing.openBatch()) {
            batch.remember("ada", Map.of("traceparent", PARENT.getBytes(StandardCharsets.UTF_8)));
            batch.remember("ada", Map.of("traceparent", second));
            batch.remember("bob", Map.of());

            assertThat(tracing.traceparentFor("ada")).isEqualTo(second);
            assertThat(tracing.traceparentFor("bob")).isNull();
            assertThat(tracing.call(PARENT, "work", () -> tracing.traceparentFor("bob")))
                .startsWith("00-" + TRACE);
          }
          assertThat(tracing.traceparentFor("ada")).isNull();
        });
  }

  @Test
  void offRunsTheWorkWithoutAnyContext() {
    RecordTracing tracing = RecordTracing.off();

    assertThat(tracing.call(PARENT, "work", () -> "done")).isEqualTo("done");
    assertThat(tracing.call(PARENT, "work", tracing::currentTraceparent)).isNull();
    assertThat(RecordTracing.traceparentOf(Map.of("traceparent", PARENT))).isEqualTo(PARENT);
  }
}
