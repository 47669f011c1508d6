package io.focussync.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Malformed HTTP requests for an endpoint, drawn from a seeded {@link Random}: a mutated method,
 * path segments with odd characters and broken percent-encodings, query strings with broken
 * encodings, odd headers and content types, malformed or mutated bodies and framings, and now and
 * then a request line or header section that HTTP itself does not allow. The same seed gives the
 * same requests, and {@link Shape#toString()} shows one so that a failure can be replayed.
 *
 * <p>The property every public endpoint must have: {@link #problemWith} finds nothing, i.e. no 5xx,
 * and every 4xx is an {@code application/problem+json} body with its status.
 */
public final class MalformedRequests {

  /** One endpoint to aim at: a method, a concrete path, and a valid body to mutate (or null). */
  public record Endpoint(String method, String path, String sampleBody) {}

  /** How the body is framed. */
  public enum Framing {
    LENGTH,
    CHUNKED,
    BROKEN_CHUNKED,
    LENGTH_AND_CHUNKED,
    SHORT_BODY,
    NO_LENGTH
  }

  /** One request; chars 0x80-0xFF of method, target and headers are sent as single raw bytes. */
  public record Shape(
      String method,
      String target,
      String version,
      List<String[]> headers,
      byte[] body,
      Framing framing,
      boolean hostHeader) {

    /** Whether the answer has no body by definition. */
    public boolean head() {
      return method.equals("HEAD");
    }

    /** The bytes on the wire, with the given extra headers (e.g. a token) after the Host. */
    public byte[] encode(int port, Map<String, String> extraHeaders) {
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(' ').append(version).append("\r\n");
      if (hostHeader) {
        head.append("Host: 127.0.0.1:").append(port).append("\r\n");
      }
      extraHeaders.forEach(
          (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      for (String[] header : headers) {
        head.append(header[0]).append(": ").append(header[1]).append("\r\n");
      }
      byte[] payload = body == null ? new byte[0] : body;
      byte[] framed = payload;
      switch (framing) {
        case LENGTH -> {
          if (body != null) {
            head.append("Content-Length: ").append(payload.length).append("\r\n");
          }
        }
        case CHUNKED -> {
          head.append("Transfer-Encoding: chunked\r\n");
          framed = chunked(payload, false);
        }
        case BROKEN_CHUNKED -> {
          head.append("Transfer-Encoding: chunked\r\n");
          framed = chunked(payload, true);
        }
        case LENGTH_AND_CHUNKED -> {
          head.append("Content-Length: ").append(payload.length).append("\r\n");
          head.append("Transfer-Encoding: chunked\r\n");
          framed = chunked(payload, false);
        }
        case SHORT_BODY ->
            head.append("Content-Length: ").append(payload.length + 17).append("\r\n");
        case NO_LENGTH -> {}
      }
      head.append("Connection: close\r\n\r\n");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(framed);
      return out.toByteArray();
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      text.append(method).append(' ').append(abbreviate(target, 200)).append(' ').append(version);
      if (!hostHeader) {
        text.append(" [no Host]");
      }
      for (String[] header : headers) {
        text.append(" | ").append(header[0]).append(": ").append(abbreviate(header[1], 80));
      }
      text.append(" | framing ").append(framing);
      if (body != null) {
        text.append(" | body ")
            .append(body.length)
            .append(" bytes: ")
            .append(abbreviate(new String(body, StandardCharsets.ISO_8859_1), 120));
      }
      return text.toString();
    }
  }

  private static final String[] METHODS = {
    "GET",
    "POST",
    "PUT",
    "PATCH",
    "DELETE",
    "HEAD",
    "OPTIONS",
    "TRACE",
    "FOO",
    "PROPFIND",
    "get",
    "M-SEARCH",
    "CONNECT",
    "QUERY",
    "G(T",
    "POST\u00e9"
  };

  private static final String[] ODD_SEGMENTS = {
    "%zz",
    "%",
    "%E2%82",
    "%C0%AF",
    "%C0%AE%C0%AE",
    "%ED%A0%80",
    "%FF%FE",
    "%00",
    "%2F",
    "%2e%2e",
    "..",
    ".",
    "%25",
    "%20",
    "a;b=c",
    ";jsessionid=x",
    "~!$&'()*+,=:@",
    "%F0%9F%98%80",
    "\u00c3\u00a9",
    "\u00ff",
    "x".repeat(3000),
    "a/".repeat(150),
    "",
    "%5C",
    "\\",
    "|",
    "{id}",
    "<script>",
    "\"",
    "`",
    "^",
    "a b",
    "#frag",
    "%0D%0AX-Injected:%201",
    "%E2%82%AC",
    "2026-02-30",
    "-1",
    "9".repeat(40),
    "null",
    "%u2215",
    "%%32%65"
  };

  private static final String[] ODD_QUERIES = {
    "from=%E2%82&to=%E2%82",
    "x=%zz",
    "%",
    "a=%",
    "a=%ZZ%",
    "=",
    "&&&",
    "a&b&c",
    "%E2%82=1",
    "a=%C0%AE",
    "a=%ED%A0%80",
    "a=%00",
    "from=2026-13-45&to=x",
    "from=" + "9".repeat(500),
    "a[]=1&a[]=2",
    "a=%7B%7D",
    "q=%F0%9F%98%80",
    "a=1&".repeat(1100),
    "page=-1&size=99999999999",
    "from=2026-01-01&to=2026-01-01&from=2027-01-01",
    "a=b=c",
    "+=+",
    "a=%2B%20+",
    "limit=abc",
    "date=..%2F..%2Fetc",
    "q=\u00c3\u00a9",
    "q=\u00ff",
    "{",
    "|",
    "^",
    "a=" + "%41".repeat(3000),
    "from=%E2%82",
    "to=%zz&from=2026-01-01",
    "q=%0D%0ASet-Cookie:%20x",
    "%%",
    "a=%G1",
    "=%E2%82",
    "format=%zz&timeZone=%E2%82",
    "webhookToken=%C0%80"
  };

  private static final String[] CONTENT_TYPES = {
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=klingon",
    "application/json; charset=",
    "text/plain",
    "application/xml",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=fz",
    "application/octet-stream",
    ";;;",
    "application/",
    "/json",
    "*/*",
    "application/json;;",
    "text/html; charset=\"",
    "application/problem+json",
    "application/merge-patch+json",
    "\u00e9/\u00e9",
    "application/json; charset=utf-16",
    "application/json; boundary",
    "multipart/form-data; boundary=",
    "application/json, text/plain",
    "x"
  };

  private static final String[] ACCEPTS = {
    "*/*",
    "text/html",
    "application/xml",
    ";;;",
    "application/json;q=abc",
    "application/problem+json",
    "image/png",
    "",
    "*/json",
    "application/json;q=0",
    "text/*;q=2",
    "\u00e9"
  };

  private static final String[][] ODD_HEADERS = {
    {"X-FocusSync-User", "someone-else"},
    {"X-FocusSync-Signature", "%zz"},
    {"X-FocusSync-Timestamp", "-1"},
    {"Idempotency-Key", "%E2%82\u00ff"},
    {"Idempotency-Key", "k".repeat(2000)},
    {"Origin", "https://evil.example"},
    {"Origin", "null"},
    {"Origin", "https://app.example"},
    {"Access-Control-Request-Method", "DELETE"},
    {"Content-Encoding", "gzip"},
    {"Accept-Encoding", "br, *;q=0"},
    {"Accept-Charset", "klingon"},
    {"Accept-Language", "%zz;q=x"},
    {"Expect", "100-continue"},
    {"Expect", "nonsense"},
    {"Range", "bytes=0-0"},
    {"Range", "bytes=zz"},
    {"If-None-Match", "*"},
    {"If-Modified-Since", "not a date"},
    {"Cookie", "JSESSIONID=%zz"},
    {"Cookie", "a=b; ".repeat(300)},
    {"X-Forwarded-For", "1.2.3.4, nonsense"},
    {"X-Forwarded-Host", "evil.example"},
    {"X-Forwarded-Proto", "gopher"},
    {"Forwarded", "for=\"[::1\""},
    {"X-HTTP-Method-Override", "DELETE"},
    {"X-Latin1", "\u00e9\u00ff\u00a0"},
    {"Authorization", "Bearer"},
    {"Authorization", "Bearer %zz"},
    {"Authorization", "Basic Zm9vOmJhcg=="},
    {"Authorization", "Bearer " + "t".repeat(6000)},
    {"Authorization", "Bearer fs_\u00e9\u00ff"},
    {"Content-Length", "abc"},
    {"Content-Length", "-1"},
    {"Transfer-Encoding", "gzip"},
    {"Transfer-Encoding", "identity"},
    {"Upgrade", "h2c"},
    {"Upgrade", "websocket"},
    {"Connection", "Upgrade, HTTP2-Settings"},
    {"Host", "other.example"},
    {"X-Big", "b".repeat(20_000)},
    {"X Bad Name", "y"},
    {"X-Ctl", "a\u0001b"},
    {"X-Trailing-Space ", "y"},
    {"", "empty name"},
    {"Max-Forwards", "0"},
    {"TE", "trailers"},
    {"Priority", "u=7, i"},
    {"Sec-Fetch-Mode", "navigate"}
  };

  private static final String[] ODD_VERSIONS = {
    "HTTP/9.9", "HTTP/2.0", "HTTP/1.1x", "HTTP/1.12", "http/1.1"
  };

  private MalformedRequests() {}

  /** One malformed request for the endpoint. */
  public static Shape generate(Random random, Endpoint endpoint) {
    String method =
        random.nextInt(10) < 7 ? endpoint.method() : METHODS[random.nextInt(METHODS.length)];
    StringBuilder target = new StringBuilder(endpoint.path());
    int pathMutations = random.nextInt(3);
    for (int i = 0; i < pathMutations; i++) {
      String segment = ODD_SEGMENTS[random.nextInt(ODD_SEGMENTS.length)];
      if (random.nextBoolean() && target.lastIndexOf("/") > 0) {
        target.setLength(target.lastIndexOf("/"));
      }
      target.append('/').append(segment);
    }
    if (random.nextInt(10) < 6) {
      target.append('?').append(ODD_QUERIES[random.nextInt(ODD_QUERIES.length)]);
      if (random.nextInt(4) == 0) {
        target.append('&').append(ODD_QUERIES[random.nextInt(ODD_QUERIES.length)]);
      }
    }
    String version = "HTTP/1.1";
    int v = random.nextInt(100);
    if (v < 5) {
      version = "HTTP/1.0";
    } else if (v < 7) {
      version = ODD_VERSIONS[random.nextInt(ODD_VERSIONS.length)];
    }

    List<String[]> headers = new ArrayList<>();
    byte[] body = body(random, endpoint, method);
    if (random.nextInt(10) < 8) {
      headers.add(
          new String[] {
            "Content-Type",
            random.nextInt(3) == 0 || endpoint.sampleBody() == null
                ? CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]
                : "application/json"
          });
    }
    if (random.nextInt(3) == 0) {
      headers.add(new String[] {"Accept", ACCEPTS[random.nextInt(ACCEPTS.length)]});
    }
    int odd = random.nextInt(4);
    for (int i = 0; i < odd; i++) {
      headers.add(ODD_HEADERS[random.nextInt(ODD_HEADERS.length)].clone());
    }
    Framing framing = Framing.LENGTH;
    if (body != null) {
      int f = random.nextInt(100);
      if (f < 6) {
        framing = Framing.CHUNKED;
      } else if (f < 9) {
        framing = Framing.BROKEN_CHUNKED;
      } else if (f < 11) {
        framing = Framing.LENGTH_AND_CHUNKED;
      } else if (f < 13) {
        framing = Framing.SHORT_BODY;
      } else if (f < 14) {
        framing = Framing.NO_LENGTH;
      }
    }
    boolean hostHeader = random.nextInt(100) != 0;
    return new Shape(method, target.toString(), version, headers, body, framing, hostHeader);
  }

  private static byte[] body(Random random, Endpoint endpoint, String method) {
    int kind = random.nextInt(20);
    if (kind < 3 || (kind < 8 && (method.equals("GET") || method.equals("DELETE")))) {
      return null;
    }
    String sample = endpoint.sampleBody() == null ? "{\"name\":\"x\"}" : endpoint.sampleBody();
    return switch (random.nextInt(18)) {
      case 0 -> new byte[0];
      case 1 -> truncate(random, utf8(sample));
      case 2 -> flip(random, utf8(sample));
      case 3 -> utf8(sample + "x");
      case 4 -> utf8(replaceValue(random, sample));
      case 5 ->
          utf8(
              new String[] {"null", "[]", "{}", "\"s\"", "1e99999", "-0", "true"}
                  [random.nextInt(7)]);
      case 6 -> utf8("{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
      case 7 -> utf8("[".repeat(5000));
      case 8 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
      case 9 -> new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0};
      case 10 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(sample));
      case 11 -> utf8(sample.replace("\"", "\"\u0000"));
      case 12 -> utf8("{\"pad\":\"" + "p".repeat(70_000 + random.nextInt(10_000)) + "\"}");
      case 13 -> utf8("a=%zz&b=%E2%82&file=x");
      case 14 ->
          utf8(
              "--fz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nx,y\r\n");
      case 15 ->
          utf8(
              "--fz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                  + "Content-Type: text/csv\r\n\r\nprojectKey,start,end\r\np,%zz,\u00ff\r\n--fz--\r\n");
      case 16 ->
          utf8("{\"a\":\"\\ud800\",\"b\":\"\\uZZZZ\",\"c\":1e309,\"d\":" + "9".repeat(2000) + "}");
      default -> randomBytes(random);
    };
  }

  /**
   * What is wrong with an answer, or null when it is right: never a 5xx, and every 4xx an
   * application/problem+json body whose status is the answer's, without a stack trace.
   */
  public static String problemWith(Shape shape, RawHttp.Answer answer) {
    int status = answer.status();
    if (status >= 500) {
      return "a " + status + ": " + abbreviate(answer.text(), 300);
    }
    if (status < 400) {
      return null;
    }
    if (!answer.isProblemJson()) {
      return "a "
          + status
          + " that is not problem+json ("
          + answer.header("content-type")
          + "): "
          + abbreviate(answer.text(), 200);
    }
    if (shape.head()) {
      return null;
    }
    String text = answer.text();
    Matcher matcher = STATUS.matcher(text);
    if (!matcher.find() || Integer.parseInt(matcher.group(1)) != status) {
      return "a " + status + " whose problem body has another status: " + abbreviate(text, 200);
    }
    if (text.contains("Exception") || text.contains("\tat ")) {
      return "a " + status + " that shows internals: " + abbreviate(text, 200);
    }
    return null;
  }

  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*(\\d+)");

  private static byte[] chunked(byte[] payload, boolean broken) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (broken) {
      out.writeBytes("zz\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(payload);
      out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      return out.toByteArray();
    }
    if (payload.length > 0) {
      out.writeBytes(
          (Integer.toHexString(payload.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(payload);
      out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] truncate(Random random, byte[] bytes) {
    return java.util.Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
  }

  private static byte[] flip(Random random, byte[] bytes) {
    byte[] copy = bytes.clone();
    for (int i = 0, n = 1 + random.nextInt(3); i < n && copy.length > 0; i++) {
      copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    }
    return copy;
  }

  private static String replaceValue(Random random, String sample) {
    String[] values = {
      "null",
      "42",
      "-1",
      "1.5",
      "true",
      "[]",
      "{}",
      "\"\"",
      "\"%zz\"",
      "\"\\u0000\"",
      "\"" + "v".repeat(5000) + "\"",
      "\"2026-02-30T25:61:00Z\"",
      "[1,[2,[3]]]",
      "1e400"
    };
    Matcher matcher =
        Pattern.compile(":\\s*(\"[^\"]*\"|[-0-9.eE+]+|true|false|null)").matcher(sample);
    List<int[]> spans = new ArrayList<>();
    while (matcher.find()) {
      spans.add(new int[] {matcher.start(1), matcher.end(1)});
    }
    if (spans.isEmpty()) {
      return sample;
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    return sample.substring(0, span[0])
        + values[random.nextInt(values.length)]
        + sample.substring(span[1]);
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(200)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static String abbreviate(String text, int max) {
    String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
    return oneLine.length() <= max
        ? oneLine
        : oneLine.substring(0, max) + "…(" + text.length() + ")";
  }
}
