package io.focussync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.cloud.stream.binder.kafka.KafkaBinderMetrics;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.kafka.core.MicrometerConsumerListener;

/**
 * The Grafana dashboard (deploy/observability/grafana) queries only metrics the services register.
 * The list of what they register is not written down by hand: the project's own meters are found in
 * the services' sources (Timer.builder("..."), meters.counter("..."), ...), and the libraries'
 * meters are registered here by the same library code the services run (Spring's HTTP observation
 * name, spring-kafka's consumer metrics, the Kafka binder's lag gauge, Resilience4j's circuit
 * breaker metrics) after checking that the services depend on those libraries. All of them go into
 * a Prometheus registry, whose scrape gives the exact series names (suffixes included) the queries
 * must use.
 */
class DashboardMetricsTest {

  static final Path DASHBOARD =
      RepoFiles.deploy().resolve("observability/grafana/focussync-operations.json");

  /** Labels Prometheus adds to every series it scrapes through the ServiceMonitor. */
  static final Set<String> TARGET_LABELS =
      Set.of("namespace", "job", "service", "pod", "instance", "container", "endpoint");

  private static final Pattern OWN_BUILDER =
      Pattern.compile("\\b(Timer|Counter|Gauge|DistributionSummary)\\.builder\\(\\s*\"([^\"]+)\"");
  private static final Pattern OWN_SHORTCUT =
      Pattern.compile("\\.(counter|timer|gauge|summary)\\(\\s*\"([^\"]+)\"");

  private final JsonNode dashboard = readJson(DASHBOARD);

  @Test
  void everyMetricTheDashboardQueriesIsOneTheServicesRegister() {
    Map<String, Set<String>> registered = registeredSeries();
    List<String> problems = new ArrayList<>();
    for (String expr : expressions(dashboard)) {
      for (String metric : PromQl.metricNames(expr)) {
        if (!registered.containsKey(metric)) {
          problems.add(metric + " is registered by no service (in: " + expr + ")");
        }
      }
      PromQl.selectorLabels(expr)
          .forEach(
              (metric, labels) -> {
                for (String label : labels) {
                  if (registered.containsKey(metric)
                      && !registered.get(metric).contains(label)
                      && !TARGET_LABELS.contains(label)) {
                    problems.add(metric + " has no label " + label + " (in: " + expr + ")");
                  }
                }
              });
    }

    assertThat(problems).isEmpty();
  }

  @Test
  void theDashboardShowsIngestLagApplyLatencyClockifyCallsCircuitsAndDays() {
    Set<String> used = new TreeSet<>();
    expressions(dashboard).forEach(e -> used.addAll(PromQl.metricNames(e)));

    assertThat(used)
        .contains(
            "kafka_consumer_fetch_manager_records_consumed_total",
            "spring_cloud_stream_binder_kafka_offset",
            "focussync_clockify_plan_apply_seconds_bucket",
            "focussync_clockify_calls_total",
            "resilience4j_circuitbreaker_state",
            "http_server_requests_seconds_count",
            "focussync_days");
    assertThat(dashboard.path("uid").asText()).isEqualTo("focussync-operations");
    for (JsonNode panel : panels(dashboard)) {
      if (!"row".equals(panel.path("type").asText())) {
        assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
        assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
      }
    }
  }

  @Test
  void theLatencyHistogramTheDashboardReadsIsSwitchedOnInKubernetes() {
    for (String dir : List.of("base", "overlays/dev", "overlays/prod")) {
      List<Map<String, Object>> docs = KustomizeOverlaysTest.render(dir);
      Map<String, Object> deployment =
          Workloads.ofKind(docs, "Deployment").stream()
              .filter(d -> "clockify-connector".equals(Yamls.str(d, "metadata", "name")))
              .findFirst()
              .orElseThrow();
      assertThat(
              histogramOn(SpringEnvironment.of(docs, deployment), "focussync.clockify.plan.apply"))
          .as(dir)
          .isTrue();
    }
  }

  @Test
  void promQlNamesAreReadWithoutFunctionsLabelsOrVariables() {
    assertThat(
            PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le) (rate(a_bucket{namespace=~\"$namespace\","
                    + " outcome=\"synced\"}[$__rate_interval]))) / sum(rate(b_total[5m])) or"
                    + " vector(0)"))
        .containsExactly("a_bucket", "b_total");
    assertThat(PromQl.metricNames("label_values(http_server_requests_seconds_count, namespace)"))
        .containsExactly("http_server_requests_seconds_count");
    assertThat(PromQl.selectorLabels("count(x{name=~\"clockify-.*\", state=\"open\"} == 1)"))
        .containsEntry("x", Set.of("name", "state"));
  }

  /**
   * Every series name a Prometheus scrape of the services would show, with its label names: the
   * project's meters as the services register them, the libraries' meters registered by the
   * libraries themselves.
   */
  static Map<String, Set<String>> registeredSeries() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Map<String, String> clockifyEnv = kubernetesEnv("clockify-connector");

    // the project's own meters, from the sources of the services and the shared platform
    Map<String, String> own = ownMeters();
    assertThat(own).as("meters found in the services' sources").isNotEmpty();
    own.forEach(
        (name, type) -> {
          switch (type) {
            case "timer":
              Timer.builder(name)
                  .tag("outcome", "synced")
                  .publishPercentileHistogram(histogramOn(clockifyEnv, name))
                  .register(registry)
                  .record(Duration.ofMillis(1));
              break;
            case "counter":
              Counter.builder(name)
                  .tag("outcome", "success")
                  .tag("operation", "create")
                  .register(registry)
                  .increment();
              break;
            default:
              Gauge.builder(name, () -> 1).register(registry);
          }
        });

    // http.server.requests: Spring MVC's observation, timed by the actuator (platform pom)
    assertThat(pom("platform"))
        .contains("spring-boot-starter-webmvc", "spring-boot-starter-actuator")
        .contains("micrometer-registry-prometheus");
    assertThat(read(RepoFiles.root().resolve("platform/src/main/resources/focussync-platform.yml")))
        .containsPattern("include: .*prometheus");
    for (String service : KustomizeOverlaysTest.SERVICES) {
      assertThat(pom(service)).as(service).contains("<artifactId>platform</artifactId>");
    }
    Timer.builder(new DefaultServerRequestObservationConvention().getName())
        .tags("method", "GET", "uri", "/api/v1/x", "status", "200", "outcome", "SUCCESS")
        .tags("exception", "none", "error", "none")
        .register(registry)
        .record(Duration.ofMillis(1));

    // Kafka consumers of the Spring Cloud Stream binder: spring-kafka's MicrometerConsumerListener
    // on each consumer, and the binder's own lag gauge per group and topic
    for (String consumer : KustomizeOverlaysTest.CONSUMES.keySet()) {
      assertThat(pom(consumer)).as(consumer).contains("spring-cloud-stream-binder-kafka");
    }
    Properties props = new Properties();
    props.put("bootstrap.servers", "127.0.0.1:9");
    props.put("group.id", "allocator");
    props.put("client.id", "consumer-allocator-1");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      MicrometerConsumerListener<byte[], byte[]> listener =
          new MicrometerConsumerListener<>(registry);
      listener.consumerAdded("allocator-sessions", consumer);
    }
    Gauge.builder(KafkaBinderMetrics.OFFSET_LAG_METRIC_NAME, () -> 0)
        .tag("group", "allocator")
        .tag("topic", "focussync.sessions.v1")
        .register(registry);

    // Resilience4j: the starter's metrics publisher on the CircuitBreakerRegistry the
    // clockify-connector takes its per-workspace breakers from
    assertThat(pom("clockify-connector")).contains("resilience4j-spring-boot4");
    assertThat(sources("clockify-connector")).contains("CircuitBreakerRegistry circuitBreakers");
    CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(registry);
    circuitBreakers.circuitBreaker("clockify-workspace");

    Map<String, Set<String>> series = new TreeMap<>();
    for (String line : registry.scrape().split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.indexOf(' ');
      String name = line.substring(0, brace >= 0 && brace < space ? brace : space);
      Set<String> labels = series.computeIfAbsent(name, k -> new TreeSet<>());
      if (brace >= 0 && brace < space) {
        Matcher label =
            Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"")
                .matcher(line.substring(brace, line.lastIndexOf('}')));
        while (label.find()) {
          labels.add(label.group(1));
        }
      }
    }
    // Kafka's per-topic fetch metrics carry "topic" (created on a consumer's first fetch, which
    // the consumer above never makes)
    series.forEach(
        (name, labels) -> {
          if (name.startsWith("kafka_consumer_fetch_manager_")) {
            labels.add("topic");
          }
        });
    return series;
  }

  /** The project's own meter names and types ("timer", "counter", "gauge", "summary"). */
  static Map<String, String> ownMeters() {
    Map<String, String> meters = new LinkedHashMap<>();
    List<String> modules = new ArrayList<>(KustomizeOverlaysTest.SERVICES);
    modules.add("platform");
    for (String module : modules) {
      String code = sources(module);
      Matcher builder = OWN_BUILDER.matcher(code);
      while (builder.find()) {
        String type = builder.group(1).toLowerCase();
        meters.put(builder.group(2), type.equals("distributionsummary") ? "summary" : type);
      }
      Matcher shortcut = OWN_SHORTCUT.matcher(code);
      while (shortcut.find()) {
        meters.put(shortcut.group(2), shortcut.group(1));
      }
    }
    return meters;
  }

  /**
   * Whether Spring Boot publishes histogram buckets for a meter under this environment
   * (management.metrics.distribution.percentiles-histogram: the meter's name, then each shorter
   * prefix, then "all").
   */
  static boolean histogramOn(Map<String, String> env, String meter) {
    MetricsProperties metrics =
        SpringEnvironment.binder(env)
            .bind("management.metrics", MetricsProperties.class)
            .orElseGet(MetricsProperties::new);
    Map<String, Boolean> histogram = metrics.getDistribution().getPercentilesHistogram();
    String name = meter;
    while (true) {
      if (histogram.containsKey(name)) {
        return histogram.get(name);
      }
      int dot = name.lastIndexOf('.');
      if (dot < 0) {
        return Boolean.TRUE.equals(histogram.get("all"));
      }
      name = name.substring(0, dot);
    }
  }

  private static Map<String, String> kubernetesEnv(String service) {
    List<Map<String, Object>> docs = KustomizeOverlaysTest.render("base");
    Map<String, Object> deployment =
        Workloads.ofKind(docs, "Deployment").stream()
            .filter(d -> service.equals(Yamls.str(d, "metadata", "name")))
            .findFirst()
            .orElseThrow();
    return new HashMap<>(SpringEnvironment.of(docs, deployment));
  }

  static List<String> expressions(JsonNode dashboard) {
    List<String> out = new ArrayList<>();
    for (JsonNode panel : panels(dashboard)) {
      for (JsonNode target : panel.path("targets")) {
        if (target.hasNonNull("expr")) {
          out.add(target.get("expr").asText());
        }
      }
    }
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if ("query".equals(variable.path("type").asText())) {
        JsonNode query = variable.path("query");
        out.add(query.isObject() ? query.path("query").asText() : query.asText());
      }
    }
    return out;
  }

  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      out.add(panel);
      panel.path("panels").forEach(out::add);
    }
    return out;
  }

  private static String pom(String module) {
    return read(RepoFiles.root().resolve(module).resolve("pom.xml"));
  }

  private static String sources(String module) {
    Path main = RepoFiles.root().resolve(module).resolve("src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .sorted()
          .map(DashboardMetricsTest::read)
          .collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readJson(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
