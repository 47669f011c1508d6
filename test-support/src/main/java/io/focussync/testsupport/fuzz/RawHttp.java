package io.focussync.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes as they are over a socket and reads the HTTP/1.1 answer: for requests that no HTTP
 * client would send (broken percent-encoding, odd methods, malformed framing). One connection per
 * request; interim 1xx answers are skipped.
 */
public final class RawHttp {

  private RawHttp() {}

  /** Sends the request to 127.0.0.1:port and reads the answer until the server closes. */
  public static Answer exchange(int port, byte[] request, boolean head, Duration timeout)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
        socket.shutdownOutput();
      } catch (IOException e) {
        // the server may answer and close before it read everything (a rejected header, a body
        // over the limit): its answer is still to be read
      }
      byte[] raw = readAll(socket.getInputStream());
      return parse(raw, head);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      if (bytes.size() == 0) {
        throw e;
      }
    } catch (IOException e) {
      // a reset after the answer was sent: keep what arrived
      if (bytes.size() == 0) {
        throw e;
      }
    }
    return bytes.toByteArray();
  }

  static Answer parse(byte[] raw, boolean head) throws IOException {
    int offset = 0;
    while (true) {
      int end = indexOf(raw, offset, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      if (end < 0) {
        throw new IOException(
            "no complete answer ("
                + raw.length
                + " bytes): "
                + new String(raw, StandardCharsets.ISO_8859_1));
      }
      String[] lines =
          new String(raw, offset, end - offset, StandardCharsets.ISO_8859_1).split("\r\n");
      String[] statusLine = lines[0].split(" ", 3);
      int status = Integer.parseInt(statusLine[1]);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers
              .computeIfAbsent(
                  lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                  k -> new ArrayList<>())
              .add(lines[i].substring(colon + 1).trim());
        }
      }
      int bodyStart = end + 4;
      if (status >= 100 && status < 200) {
        offset = bodyStart;
        continue;
      }
      byte[] body;
      String encoding = first(headers, "transfer-encoding");
      String length = first(headers, "content-length");
      if (head || status == 204 || status == 304) {
        body = new byte[0];
      } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
        body = dechunk(raw, bodyStart);
      } else if (length != null) {
        int n = Math.min(Integer.parseInt(length), raw.length - bodyStart);
        body = java.util.Arrays.copyOfRange(raw, bodyStart, bodyStart + n);
      } else {
        body = java.util.Arrays.copyOfRange(raw, bodyStart, raw.length);
      }
      return new Answer(status, headers, body);
    }
  }

  private static byte[] dechunk(byte[] raw, int start) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = start;
    while (at < raw.length) {
      int lineEnd = indexOf(raw, at, new byte[] {'\r', '\n'});
      if (lineEnd < 0) {
        throw new IOException("broken chunked answer");
      }
      String sizeLine = new String(raw, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int semicolon = sizeLine.indexOf(';');
      int size =
          Integer.parseInt(
              (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      at = lineEnd + 2;
      if (size == 0) {
        break;
      }
      out.write(raw, at, Math.min(size, raw.length - at));
      at += size + 2;
    }
    return out.toByteArray();
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static int indexOf(byte[] data, int from, byte[] pattern) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Status, headers (names in lower case) and body of an answer. */
  public record Answer(int status, Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header, or null. */
    public String header(String name) {
      return first(headers, name.toLowerCase(Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the answer declares itself application/problem+json. */
    public boolean isProblemJson() {
      String type = header("content-type");
      return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
    }
  }
}
