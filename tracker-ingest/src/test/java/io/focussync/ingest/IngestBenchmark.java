package io.focussync.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Throughput through the real (in-JVM) broker: accepted single posts per second and sessions per
 * second in batches of 1000. Not a test: excluded from surefire, run by hand with {@code ./mvnw -pl
 * tracker-ingest verify -Dtest=IngestBenchmark}; the figures go into README.md.
 *
 * <p>The clients share the JVM (and the two cores) with the service and the broker, so they are
 * kept light by default ({@code -Dbench.http=socket}): one keep-alive HTTP/1.1 connection per
 * client on a blocking socket, the request bytes built once per second (when the gateway signature
 * changes). {@code -Dbench.http=jdk} uses the JDK HttpClient instead, as before. Each phase also
 * prints the CPU time it cost per accepted item, split by thread group, which is far less noisy
 * than throughput on a shared machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestBenchmark {

  private static final HttpClient JDK_CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @LocalServerPort int port;

  @Test
  void throughput() throws Exception {
    Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 5));
    Duration measure = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    boolean jdkClient = "jdk".equals(System.getProperty("bench.http", "socket"));
    System.out.printf(
        "BENCHMARK client: %s%n",
        jdkClient ? "JDK HttpClient (HTTP/1.1)" : "blocking socket, HTTP/1.1 keep-alive");
    System.out.printf(
        "BENCHMARK JVM: %s %s, %d cores%n",
        System.getProperty("java.vm.version"),
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(argument -> argument.startsWith("-X"))
            .toList(),
        Runtime.getRuntime().availableProcessors());

    run("single posts", 32, warmup, 1, jdkClient);
    double posts = 0;
    for (String clients : System.getProperty("bench.clients", "1,32,128").split(",")) {
      posts =
          Math.max(
              posts, run("single posts", Integer.parseInt(clients.trim()), measure, 1, jdkClient));
    }
    run("batches of 1000", 4, warmup, 1000, jdkClient);
    double sessions = 0;
    for (String clients : System.getProperty("bench.batch-clients", "1,4").split(",")) {
      sessions =
          Math.max(
              sessions,
              run("batches of 1000", Integer.parseInt(clients.trim()), measure, 1000, jdkClient));
    }

    System.out.printf(
        "BENCHMARK best: %.0f single posts/s; %.0f sessions/s in batches%n", posts, sessions);
    assertThat(posts).isPositive();
    assertThat(sessions).isPositive();
  }

  private double run(String name, int clients, Duration duration, int batchSize, boolean jdkClient)
      throws Exception {
    String body;
    String path;
    if (batchSize == 1) {
      path = "/api/v1/sessions";
      body = IngestApi.session(null, "bench");
    } else {
      path = "/api/v1/sessions/batch";
      StringBuilder batch = new StringBuilder("{\"sessions\":[");
      for (int i = 0; i < batchSize; i++) {
        batch.append(i == 0 ? "" : ",").append(IngestApi.session(null, "bench" + (i % 13)));
      }
      body = batch.append("]}").toString();
    }
    AtomicLong accepted = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong threads = new AtomicLong();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            clients, task -> new Thread(task, "bench-client-" + threads.incrementAndGet()));
    Map<String, Long> cpuBefore = CpuTime.byGroup();
    long started = System.nanoTime();
    long deadline = started + duration.toNanos();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(
          pool.submit(
              () -> {
                String user = IngestApi.newUser(); // users spread over the topic's partitions
                if (jdkClient) {
                  jdkClientLoop(user, path, body, deadline, batchSize, accepted, failed);
                } else {
                  socketClientLoop(user, path, body, deadline, batchSize, accepted, failed);
                }
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Long> cpu = CpuTime.since(cpuBefore);
    pool.shutdown();
    double rate = accepted.get() / seconds;
    System.out.printf(
        "BENCHMARK %s, %d clients: %d accepted in %.1f s = %.0f/s, %d failed%n",
        name, clients, accepted.get(), seconds, rate, failed.get());
    System.out.printf(
        "BENCHMARK   CPU per accepted %s: %s%n",
        batchSize == 1 ? "post" : "session", CpuTime.perItem(cpu, accepted.get()));
    return rate;
  }

  private void jdkClientLoop(
      String user,
      String path,
      String body,
      long deadline,
      int batchSize,
      AtomicLong accepted,
      AtomicLong failed) {
    while (System.nanoTime() < deadline) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .header("Content-Type", "application/json");
      IngestApi.signed(user).forEach(request::header);
      try {
        HttpResponse<Void> response =
            JDK_CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding());
        count(response.statusCode(), batchSize, accepted, failed);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        failed.incrementAndGet();
      }
    }
  }

  private void socketClientLoop(
      String user,
      String path,
      String body,
      long deadline,
      int batchSize,
      AtomicLong accepted,
      AtomicLong failed) {
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    byte[] request = null;
    long signedAt = Long.MIN_VALUE;
    SocketConnection connection = null;
    try {
      while (System.nanoTime() < deadline) {
        long second = System.currentTimeMillis() / 1000;
        if (second != signedAt) { // the gateway signs with a timestamp in seconds
          request = requestBytes(user, path, bodyBytes);
          signedAt = second;
        }
        try {
          if (connection == null) {
            connection = new SocketConnection(port);
          }
          count(connection.exchange(request), batchSize, accepted, failed);
          if (connection.closedByServer()) { // Tomcat ends a connection after 100 requests
            closeQuietly(connection);
            connection = null;
          }
        } catch (IOException e) {
          failed.incrementAndGet();
          closeQuietly(connection);
          connection = null;
        }
      }
    } finally {
      closeQuietly(connection);
    }
  }

  private byte[] requestBytes(String user, String path, byte[] body) {
    StringBuilder head = new StringBuilder(512);
    head.append("POST ").append(path).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    head.append("Content-Type: application/json\r\n");
    head.append("Content-Length: ").append(body.length).append("\r\n");
    IngestApi.signed(user)
        .forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  private static void count(int status, int batchSize, AtomicLong accepted, AtomicLong failed) {
    if (status == 202) {
      accepted.addAndGet(batchSize);
    } else {
      failed.incrementAndGet();
    }
  }

  private static void closeQuietly(SocketConnection connection) {
    if (connection != null) {
      connection.close();
    }
  }

  /** One keep-alive HTTP/1.1 connection: writes a request, reads the status, skips the body. */
  private static final class SocketConnection {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] skip = new byte[16 * 1024];
    private boolean closedByServer;

    SocketConnection(int port) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(60_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /** The status of the answer to a request; its body is read and dropped. */
    int exchange(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      String statusLine = line();
      if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
        throw new IOException("not an HTTP/1.1 status line: " + statusLine);
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        if (name.equals("content-length")) {
          length = Long.parseLong(value);
        } else if (name.equals("transfer-encoding")) {
          chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        } else if (name.equals("connection")) {
          close = value.equalsIgnoreCase("close");
        }
      }
      if (chunked) {
        for (long size = chunkSize(); size > 0; size = chunkSize()) {
          skipFully(size);
          line();
        }
        while (!line().isEmpty()) {
          // trailers
        }
      } else if (length >= 0) {
        skipFully(length);
      } else {
        throw new IOException("an answer without length");
      }
      closedByServer = close;
      return status;
    }

    /** Whether the last answer said {@code Connection: close}. */
    boolean closedByServer() {
      return closedByServer;
    }

    private long chunkSize() throws IOException {
      String size = line();
      int extension = size.indexOf(';');
      return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    private String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream(64);
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new EOFException("connection closed");
        }
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.ISO_8859_1);
    }

    private void skipFully(long length) throws IOException {
      long left = length;
      while (left > 0) {
        int read = in.read(skip, 0, (int) Math.min(skip.length, left));
        if (read < 0) {
          throw new EOFException("connection closed in a body");
        }
        left -= read;
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  /** CPU time of this JVM by thread group, so that each phase shows where its cycles went. */
  private static final class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static Map<String, Long> byGroup() {
      Map<String, Long> groups = new LinkedHashMap<>();
      for (String group :
          List.of("http clients", "tomcat", "kafka producer", "kafka broker", "other java")) {
        groups.put(group, 0L);
      }
      for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
        if (info == null) {
          continue;
        }
        long cpu = THREADS.getThreadCpuTime(info.getThreadId());
        if (cpu > 0) {
          groups.merge(group(info.getThreadName()), cpu, Long::sum);
        }
      }
      long process =
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime();
      groups.put("process", process);
      return groups;
    }

    static Map<String, Long> since(Map<String, Long> before) {
      Map<String, Long> now = byGroup();
      Map<String, Long> delta = new LinkedHashMap<>();
      now.forEach((group, cpu) -> delta.put(group, cpu - before.getOrDefault(group, 0L)));
      long java = 0;
      for (Map.Entry<String, Long> entry : delta.entrySet()) {
        if (!entry.getKey().equals("process")) {
          java += entry.getValue();
        }
      }
      // JIT compiler, GC and other VM threads are not Java threads: the rest of the process time
      delta.put("jit/gc/vm", delta.get("process") - java);
      return delta;
    }

    static String perItem(Map<String, Long> cpu, long items) {
      if (items == 0) {
        return "-";
      }
      StringBuilder text = new StringBuilder();
      text.append(String.format(Locale.ROOT, "%.0f us", cpu.get("process") / 1e3 / items));
      text.append(" (");
      boolean first = true;
      for (Map.Entry<String, Long> entry : cpu.entrySet()) {
        if (entry.getKey().equals("process")) {
          continue;
        }
        text.append(first ? "" : ", ")
            .append(entry.getKey())
            .append(' ')
            .append(String.format(Locale.ROOT, "%.0f", entry.getValue() / 1e3 / items));
        first = false;
      }
      return text.append(")").toString();
    }

    private static String group(String thread) {
      if (thread.startsWith("bench-client-") || thread.startsWith("HttpClient-")) {
        return "http clients";
      }
      if (thread.startsWith("http-nio-")) {
        return "tomcat";
      }
      if (thread.startsWith("kafka-producer-network-thread")) {
        return "kafka producer";
      }
      if (thread.startsWith("data-plane-kafka")
          || thread.startsWith("kafka-")
          || thread.contains("raft")
          || thread.startsWith("quorum-controller")
          || thread.startsWith("broker-")
          || thread.startsWith("controller-")
          || thread.startsWith("group-coordinator")
          || thread.startsWith("ExpirationReaper")
          || thread.startsWith("TxnMarkerSenderThread")
          || thread.startsWith("transaction-log-manager")
          || thread.startsWith("LogDirFailureHandler")
          || thread.startsWith("ReplicaFetcher")
          || thread.startsWith("share-coordinator")) {
        return "kafka broker";
      }
      return "other java";
    }
  }
}
