package io.focussync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.clockify.simulator.ClockifySimulator;
import io.focussync.clockify.simulator.SimRequest;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.Topics;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.e2e.support.GatewayApi;
import io.focussync.e2e.support.PipelineWorld;
import io.focussync.e2e.support.PipelineWorld.Tenant;
import io.focussync.e2e.support.ServiceReplicas;
import io.focussync.testsupport.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A hand-run benchmark of the whole pipeline (not run by CI: the name matches neither *IT nor
 * *Test): N users × M sessions through the gateway, latency from the ingest 202 to the Clockify
 * simulator receiving the entry, Clockify calls per converged day, peak RSS per service, and the
 * raw Kafka and simulator references measured in the same run.
 */
class PipelineBenchmark {

  private static final int USERS = Integer.getInteger("benchmark.users", 50);
  private static final int WARMUP_USERS = Integer.getInteger("benchmark.warmupUsers", 150);
  private static final int SESSIONS = Integer.getInteger("benchmark.sessions", 10);
  private static final int RATE = Integer.getInteger("benchmark.rate", 100);
  private static final int KAFKA_RECORDS = Integer.getInteger("benchmark.kafkaRecords", 20_000);
  private static final int SIM_GETS = Integer.getInteger("benchmark.simulatorGets", 500);
  private static final int BURST_DAYS = Integer.getInteger("benchmark.burstDays", 2);
  private static final int BURST_EDITS = Integer.getInteger("benchmark.burstEdits", 5);

  /**
   * The replicated layout: two more clockify-connectors and one more allocator on the same broker
   * and store (the consumers whose work moves between replicas).
   */
  private static final boolean REPLICATED = Boolean.getBoolean("benchmark.replicated");

  private static final List<String> SERVICES =
      List.of(
          "api-gateway", "tracker-ingest", "allocator", "clockify-connector", "notion-connector");

  private static final Pattern START = Pattern.compile("\"start\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern WORKSPACE = Pattern.compile("/workspaces/([^/]+)/");

  private final PipelineWorld world = PipelineWorld.get();

  @Test
  void benchmark() throws Exception {
    if (REPLICATED) {
      ServiceReplicas replicas = world.stack().replicas();
      replicas.awaitHealthy(
          List.of(
              replicas.add("clockify-connector", Map.of()),
              replicas.add("clockify-connector", Map.of()),
              replicas.add("allocator", Map.of())));
    }
    if (WARMUP_USERS > 0) {
      // The same work on other users first: the services' JIT, pools and caches warm up.
      run(WARMUP_USERS);
    }
    // The scrapes stay outside the CPU window: rendering the connector's meters (several per
    // workspace) is work of the benchmark's, not of the pipeline's.
    Map<String, Double> callsBefore = clockifyCallsByOutcome();
    Map<String, Duration> cpuBefore = cpuTimes();
    Run run = run(USERS);
    Map<String, Duration> cpuAfter = cpuTimes();
    Map<String, Double> callsAfter = clockifyCallsByOutcome();
    long[] latencies = run.latencies;
    int convergedDays = USERS * SESSIONS;
    ClockifySimulator clockify = world.clockify();

    double kafkaPerSecond = kafkaThroughput();
    long[] simRoundTrips = simulatorRoundTrips(clockify);
    double simPerSecond = SIM_GETS / (Arrays.stream(simRoundTrips).sum() / 1e9);
    Map<String, Long> rss = peakRss();

    StringBuilder out = new StringBuilder();
    out.append("# Pipeline benchmark ").append(Instant.now()).append("\n\n");
    out.append(
        String.format(
            "%d users × %d sessions (ACTUAL mode, LIVE policy), offered %d sessions/s%s%n%n",
            USERS,
            SESSIONS,
            RATE,
            REPLICATED ? ", replicated (3 clockify-connectors, 2 allocators)" : ""));
    out.append("| figure | value |\n|---|---|\n");
    row(out, "sessions accepted (202)", String.valueOf(latencies.length));
    row(out, "202 → Clockify write p50", ms(pct(latencies, 50)));
    row(out, "202 → Clockify write p95", ms(pct(latencies, 95)));
    row(out, "202 → Clockify write p99", ms(pct(latencies, 99)));
    row(out, "202 → Clockify write max", ms(latencies[latencies.length - 1]));
    row(
        out,
        "stage: 202 → DayPlanned appended (ingest + allocator) p50",
        ms(pct(run.stages.toPlan, 50)));
    row(
        out,
        "stage: 202 → DayPlanned appended (ingest + allocator) p99",
        ms(pct(run.stages.toPlan, 99)));
    row(out, "stage: DayPlanned → Clockify write (connector) p50", ms(pct(run.stages.toWrite, 50)));
    row(out, "stage: DayPlanned → Clockify write (connector) p99", ms(pct(run.stages.toWrite, 99)));
    row(
        out,
        "sustained end to end (sessions / (last write − first 202))",
        f(run.sustained) + " /s");
    row(
        out,
        "Clockify entry writes per converged day (minimum 1: one slot a day)",
        f((double) run.entryWrites / convergedDays)
            + " ("
            + run.entryWrites
            + "/"
            + convergedDays
            + ")");
    row(
        out,
        "all Clockify calls on the workspace per converged day (incl. reads)",
        f((double) run.allCalls / convergedDays) + " (" + run.allCalls + "/" + convergedDays + ")");
    long syncCalls = run.allCalls - run.setupCalls;
    row(
        out,
        "of which syncing: calls from the first session on, per converged day",
        f((double) syncCalls / convergedDays) + " (" + syncCalls + "/" + convergedDays + ")");
    row(
        out,
        "of which connecting: calls while the connections were saved, per user",
        f((double) run.setupCalls / USERS) + " (" + run.setupCalls + "/" + USERS + ")");
    row(
        out,
        "Clockify entry writes per edited day under bursts of "
            + BURST_EDITS
            + " back-to-back edits (minimum 1)",
        f((double) run.burst.writes / run.burst.days)
            + " ("
            + run.burst.writes
            + "/"
            + run.burst.days
            + ")");
    row(out, "reference: raw Kafka produce→consume", f(kafkaPerSecond) + " records/s");
    row(out, "reference: simulator GET /v1/user round trip p50", ms(pct(simRoundTrips, 50)));
    row(out, "reference: simulator GET /v1/user round trip p99", ms(pct(simRoundTrips, 99)));
    row(out, "reference: simulator sequential GETs", f(simPerSecond) + " /s");
    row(
        out,
        "overhead: pipeline p50 / simulator round trip p50",
        f((double) pct(latencies, 50) / pct(simRoundTrips, 50)) + "×");
    row(
        out,
        "overhead: pipeline p99 / simulator round trip p99",
        f((double) pct(latencies, 99) / pct(simRoundTrips, 99)) + "×");
    row(
        out,
        "overhead: raw Kafka throughput / pipeline sustained throughput",
        f(kafkaPerSecond / run.sustained) + "×");
    for (Map.Entry<String, Double> entry : callsAfter.entrySet()) {
      double calls = entry.getValue() - callsBefore.getOrDefault(entry.getKey(), 0.0);
      row(out, "connector's Clockify attempts, outcome " + entry.getKey(), f(calls));
    }
    for (Map.Entry<String, Duration> entry : cpuAfter.entrySet()) {
      Duration used = entry.getValue().minus(cpuBefore.getOrDefault(entry.getKey(), Duration.ZERO));
      row(
          out,
          "CPU per session (measured run incl. its edit bursts) " + entry.getKey(),
          f(used.toNanos() / 1e6 / convergedDays) + " ms");
    }
    for (Map.Entry<String, Long> entry : rss.entrySet()) {
      row(
          out,
          "peak RSS (VmHWM) " + entry.getKey(),
          entry.getValue() < 0 ? "n/a" : (entry.getValue() / 1024) + " MiB");
    }
    Path results = Path.of("target", "benchmark-results.md");
    Files.createDirectories(results.getParent());
    Files.writeString(results, out.toString(), StandardCharsets.UTF_8);
    System.out.println(out);
    System.err.println(out);
    if (REPLICATED) {
      world.stack().replicas().restore();
    }
  }

  /** Posts the sessions of {@code users} new users, waits for convergence, then the bursts. */
  private Run run(int users) throws Exception {
    List<Tenant> tenants = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      tenants.add(world.newTenant("UTC", Map.of("mode", "ACTUAL")));
    }
    long loadStart = System.nanoTime();
    List<LocalDate> days = pastWeekdays(SESSIONS);
    List<Sent> plan = new ArrayList<>();
    for (int s = 0; s < SESSIONS; s++) {
      for (Tenant tenant : tenants) {
        String start = days.get(s) + "T10:00:00Z";
        plan.add(new Sent(tenant, "b" + s, start, days.get(s) + "T11:00:00Z"));
      }
    }

    // paced ingest: session i is posted at t0 + i / RATE
    ConcurrentLinkedQueue<Sent> accepted = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> rejected = new ConcurrentLinkedQueue<>();
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(16);
    long periodNanos = 1_000_000_000L / RATE;
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      Sent sent = plan.get(i);
      futures.add(
          pool.schedule(
              () -> {
                GatewayApi.Reply reply = sent.tenant.api().post("/api/v1/sessions", body(sent));
                long at = System.nanoTime();
                if (reply.status() == 202) {
                  accepted.add(sent.acceptedAt(at));
                } else {
                  rejected.add(reply.status() + " " + reply.body());
                }
              },
              i * periodNanos,
              TimeUnit.NANOSECONDS));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    assertThat(rejected).as("rejected sessions").isEmpty();

    ClockifySimulator clockify = world.clockify();
    PipelineWorld.eventually()
        .atMost(Duration.ofMinutes(3))
        .until(
            () -> {
              Map<String, SimRequest> writes = firstWrites(clockify);
              return accepted.stream().allMatch(s -> writes.containsKey(s.entryKey()));
            });
    // converged: no entry write for 5 s
    waitForQuiet(tenants);

    Map<String, SimRequest> firstWrites = firstWrites(clockify);
    long[] latencies = new long[accepted.size()];
    long first202 = Long.MAX_VALUE;
    long lastWrite = Long.MIN_VALUE;
    int i = 0;
    for (Sent sent : accepted) {
      long write = firstWrites.get(sent.entryKey()).atNanos();
      latencies[i++] = write - sent.acceptedNanos;
      first202 = Math.min(first202, sent.acceptedNanos);
      lastWrite = Math.max(lastWrite, write);
    }
    Arrays.sort(latencies);
    Stages stages = stages(firstWrites, accepted);
    double sustained = accepted.size() / ((lastWrite - first202) / 1e9);

    long entryWrites = 0;
    long allCalls = 0;
    long setupCalls = 0;
    for (Tenant tenant : tenants) {
      entryWrites += world.entryWrites(tenant);
      allCalls += clockify.requests(r -> r.path().contains(tenant.workspace())).size();
      setupCalls +=
          clockify
              .requests(r -> r.path().contains(tenant.workspace()) && r.atNanos() < loadStart)
              .size();
    }
    Burst burst = editBursts(plan);
    return new Run(latencies, stages, sustained, entryWrites, allCalls, setupCalls, burst);
  }

  private static Map<String, Object> body(Sent sent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", sent.id);
    body.put("projectKey", "alpha");
    body.put("start", sent.start);
    body.put("end", sent.end);
    body.put("title", "session " + sent.id);
    return body;
  }

  /**
   * After the run converged: on the first {@code BURST_DAYS} days of every user, {@code
   * BURST_EDITS} edits of the day's session back to back (each PUT as soon as the previous 202
   * came), all users at once; then the Clockify entry writes it took until the simulator holds
   * every last edit and nothing moves for 5 s. The minimum is one write (a PUT) per edited day.
   */
  private Burst editBursts(List<Sent> sessions) throws Exception {
    List<Tenant> tenants = sessions.stream().map(s -> s.tenant).distinct().toList();
    List<Sent> edited = new ArrayList<>();
    for (Sent sent : sessions) {
      if (edited.stream().filter(e -> e.tenant == sent.tenant).count() < BURST_DAYS) {
        edited.add(sent);
      }
    }
    long before = tenants.stream().mapToLong(world::entryWrites).sum();
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(16);
    List<Future<?>> futures = new ArrayList<>();
    for (Sent sent : edited) {
      futures.add(
          pool.submit(
              () -> {
                for (int e = 1; e <= BURST_EDITS; e++) {
                  Sent edit = sent.endingAt(Instant.parse(sent.end).plusSeconds(300L * e));
                  GatewayApi.Reply reply =
                      sent.tenant.api().put("/api/v1/sessions/" + sent.id, body(edit));
                  assertThat(reply.status()).as(reply.body()).isEqualTo(202);
                }
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    ClockifySimulator clockify = world.clockify();
    PipelineWorld.eventually()
        .atMost(Duration.ofMinutes(2))
        .until(() -> edited.stream().allMatch(s -> holdsLastEdit(clockify, s)));
    waitForQuiet(tenants);
    long writes = tenants.stream().mapToLong(world::entryWrites).sum() - before;
    return new Burst(edited.size(), writes);
  }

  private static boolean holdsLastEdit(ClockifySimulator clockify, Sent sent) {
    Instant last = Instant.parse(sent.end).plusSeconds(300L * BURST_EDITS);
    return clockify.entries(sent.tenant.workspace()).stream()
        .anyMatch(
            e ->
                Instant.parse(e.start()).equals(Instant.parse(sent.start))
                    && Instant.parse(e.end()).equals(last));
  }

  /**
   * Per-stage latencies: each session's 202, its day's first {@code DayPlanned} (the record's
   * timestamp, set by the allocator's producer on this machine's clock) and its first Clockify
   * write.
   */
  private Stages stages(Map<String, SimRequest> firstWrites, Collection<Sent> accepted) {
    Map<String, Long> firstPlan = new HashMap<>();
    Properties props = new Properties();
    props.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        world.stack().processes().sharedEnvironment().get("FOCUSSYNC_KAFKA_BOOTSTRAP"));
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.DAY_PLANS).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          DayPlanned plan = (DayPlanned) EventCodec.fromJson(EventTypes.DAY_PLANNED, r.value());
          firstPlan.merge(plan.userId() + "|" + plan.date(), r.timestamp(), Math::min);
        }
      }
    }
    long nanosToEpochMs = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
    List<Long> toPlan = new ArrayList<>();
    List<Long> toWrite = new ArrayList<>();
    for (Sent sent : accepted) {
      Long planMs = firstPlan.get(sent.tenant.user().id() + "|" + sent.start.substring(0, 10));
      if (planMs == null) {
        continue;
      }
      long acceptedMs = (sent.acceptedNanos + nanosToEpochMs) / 1_000_000L;
      long writeMs = (firstWrites.get(sent.entryKey()).atNanos() + nanosToEpochMs) / 1_000_000L;
      toPlan.add((planMs - acceptedMs) * 1_000_000L);
      toWrite.add((writeMs - planMs) * 1_000_000L);
    }
    return new Stages(sorted(toPlan), sorted(toWrite));
  }

  private static long[] sorted(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** What one run measured. */
  private record Run(
      long[] latencies,
      Stages stages,
      double sustained,
      long entryWrites,
      long allCalls,
      long setupCalls,
      Burst burst) {}

  /** Per-stage latencies in nanoseconds (millisecond resolution), sorted. */
  private record Stages(long[] toPlan, long[] toWrite) {}

  /** Edited days and the Clockify entry writes their bursts cost. */
  private record Burst(int days, long writes) {}

  /**
   * The simulator's first POST of each entry, by workspace and start (see {@link Sent#entryKey}):
   * one pass over the requests, so that polling costs little of the CPU being measured.
   */
  private static Map<String, SimRequest> firstWrites(ClockifySimulator clockify) {
    Map<String, SimRequest> first = new HashMap<>();
    for (SimRequest r : clockify.requests()) {
      if (!r.method().equals("POST") || !r.path().endsWith("/time-entries") || r.body() == null) {
        continue;
      }
      Matcher start = START.matcher(r.body());
      Matcher workspace = WORKSPACE.matcher(r.path());
      if (start.find() && workspace.find()) {
        first.merge(
            workspace.group(1) + "|" + start.group(1),
            r,
            (a, b) -> a.atNanos() <= b.atNanos() ? a : b);
      }
    }
    return first;
  }

  /** Waits until the tenants' entry writes have not changed for five seconds. */
  private void waitForQuiet(List<Tenant> tenants) {
    AtomicLong last = new AtomicLong(-1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              long writes = tenants.stream().mapToLong(world::entryWrites).sum();
              return last.getAndSet(writes) == writes;
            });
    long settled = last.get();
    Awaitility.await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> tenants.stream().mapToLong(world::entryWrites).sum() == settled);
  }

  /**
   * Raw produce→consume throughput on the stack's broker: records / (last consumed − first sent).
   */
  private double kafkaThroughput() throws Exception {
    String bootstrap =
        world.stack().processes().sharedEnvironment().get("FOCUSSYNC_KAFKA_BOOTSTRAP");
    String topic = "benchmark-" + UUID.randomUUID();
    Properties common = new Properties();
    common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(common)) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    Properties consumerProps = new Properties();
    consumerProps.putAll(common);
    consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Properties producerProps = new Properties();
    producerProps.putAll(common);
    producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    byte[] value = new byte[200];
    long[] lastConsumed = new long[1];
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps)) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      consumer.poll(Duration.ofMillis(100));
      Thread reader =
          new Thread(
              () -> {
                int seen = 0;
                while (seen < KAFKA_RECORDS) {
                  ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                  seen += records.count();
                }
                lastConsumed[0] = System.nanoTime();
              });
      long firstSent = System.nanoTime();
      reader.start();
      for (int i = 0; i < KAFKA_RECORDS; i++) {
        producer.send(new ProducerRecord<>(topic, ("k" + (i % 50)).getBytes(), value));
      }
      producer.flush();
      reader.join(Duration.ofMinutes(2).toMillis());
      assertThat(lastConsumed[0]).as("all raw records consumed").isPositive();
      return KAFKA_RECORDS / ((lastConsumed[0] - firstSent) / 1e9);
    }
  }

  /** Sequential GET /v1/user round trips to the simulator, sorted, after a warm-up. */
  private static long[] simulatorRoundTrips(ClockifySimulator clockify)
      throws IOException, InterruptedException {
    String key = "bench-" + UUID.randomUUID();
    clockify.addKey(key, "cu-bench", "UTC", "ws-bench");
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(clockify.baseUrl() + "/v1/user"))
            .header("X-Api-Key", key)
            .GET()
            .build();
    for (int i = 0; i < 50; i++) {
      client.send(request, HttpResponse.BodyHandlers.ofString());
    }
    long[] times = new long[SIM_GETS];
    for (int i = 0; i < SIM_GETS; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      times[i] = System.nanoTime() - start;
      assertThat(response.statusCode()).isEqualTo(200);
    }
    Arrays.sort(times);
    return times;
  }

  /**
   * The clockify-connector's Clockify attempts so far by outcome ({@code focussync.clockify.calls}
   * on its Prometheus endpoint, summed over operations): {@code rate_limit_wait_exceeded} counts
   * calls that found no permit within {@code max-permit-wait} and sent their day back to wait.
   */
  private Map<String, Double> clockifyCallsByOutcome() {
    int port = world.stack().processes().service("clockify-connector").port();
    String text = TestHttp.get("http://127.0.0.1:" + port + "/actuator/prometheus").body();
    Map<String, Double> byOutcome = new TreeMap<>();
    Matcher line =
        Pattern.compile(
                "(?m)^focussync_clockify_calls_total\\{[^}]*outcome=\"([^\"]+)\"[^}]*} (\\S+)$")
            .matcher(text);
    while (line.find()) {
      byOutcome.merge(line.group(1), Double.parseDouble(line.group(2)), Double::sum);
    }
    return byOutcome;
  }

  /**
   * CPU time used so far by each service JVM and by this JVM (broker, wire server, simulators and
   * the load): a figure that, unlike latency, does not jump when the machine nears saturation.
   */
  private static Map<String, Duration> cpuTimes() {
    Map<String, Duration> cpu = new LinkedHashMap<>();
    for (String service : SERVICES) {
      Duration sum = Duration.ZERO;
      for (ProcessHandle process : processesOf(service)) {
        sum = sum.plus(process.info().totalCpuDuration().orElse(Duration.ZERO));
      }
      cpu.put(service, sum);
    }
    cpu.put(
        "test JVM (broker, store, simulators, load)",
        ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
    return cpu;
  }

  /** VmHWM (kB) of each service JVM, found among this JVM's child processes by its jar. */
  private static Map<String, Long> peakRss() {
    Map<String, Long> rss = new LinkedHashMap<>();
    for (String service : SERVICES) {
      long kb = -1;
      for (ProcessHandle process : processesOf(service)) {
        kb = vmHwm(process.pid());
      }
      rss.put(service, kb);
    }
    return rss;
  }

  /** The service's JVMs among this JVM's child processes, found by their jar. */
  private static List<ProcessHandle> processesOf(String service) {
    return ProcessHandle.current()
        .descendants()
        .filter(child -> commandLine(child.pid()).contains("/" + service + ".jar"))
        .toList();
  }

  private static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", pid + "", "cmdline")))
          .replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  private static long vmHwm(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid + "", "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  /** The most recent weekdays strictly before today's week, oldest last. */
  private static List<LocalDate> pastWeekdays(int count) {
    List<LocalDate> days = new ArrayList<>();
    LocalDate day = LocalDate.now().minusDays(2);
    while (days.size() < count) {
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        days.add(day);
      }
      day = day.minusDays(1);
    }
    return days;
  }

  private static long pct(long[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String ms(long nanos) {
    return String.format("%.1f ms", nanos / 1e6);
  }

  private static String f(double value) {
    return String.format("%.2f", value);
  }

  private static void row(StringBuilder out, String name, String value) {
    out.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  /** A planned session and when its 202 came back. */
  private static final class Sent {
    final Tenant tenant;
    final String id;
    final String start;
    final String end;
    final long acceptedNanos;

    Sent(Tenant tenant, String id, String start, String end) {
      this(tenant, id, start, end, 0);
    }

    private Sent(Tenant tenant, String id, String start, String end, long acceptedNanos) {
      this.tenant = tenant;
      this.id = id;
      this.start = start;
      this.end = end;
      this.acceptedNanos = acceptedNanos;
    }

    /** The key of this session's entry in {@link #firstWrites}. */
    String entryKey() {
      return tenant.workspace() + "|" + start;
    }

    Sent acceptedAt(long nanos) {
      return new Sent(tenant, id, start, end, nanos);
    }

    Sent endingAt(Instant newEnd) {
      return new Sent(tenant, id, start, newEnd.toString(), acceptedNanos);
    }
  }
}
