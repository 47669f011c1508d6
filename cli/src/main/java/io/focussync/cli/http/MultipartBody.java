package io.focussync.cli.http;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body of text fields and one file, streamed from disk. */
public final class MultipartBody {

  private final String boundary = "focussync-" + UUID.randomUUID();
  private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

  /** Adds a text field. */
  public MultipartBody field(String name, String value) {
    parts.add(
        text(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + quoted(name)
                + "\"\r\n\r\n"
                + value
                + "\r\n"));
    return this;
  }

  /** Adds a file part, read from disk when the request is sent. */
  public MultipartBody file(String name, Path file, String contentType)
      throws FileNotFoundException {
    parts.add(
        text(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + quoted(name)
                + "\"; filename=\""
                + quoted(file.getFileName().toString())
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n"));
    parts.add(HttpRequest.BodyPublishers.ofFile(file));
    parts.add(text("\r\n"));
    return this;
  }

  /** The Content-Type header, with the boundary. */
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The body; it can be sent more than once (the file is re-read). */
  public HttpRequest.BodyPublisher publisher() {
    List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
    all.add(text("--" + boundary + "--\r\n"));
    return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
  }

  private static HttpRequest.BodyPublisher text(String text) {
    return HttpRequest.BodyPublishers.ofByteArray(text.getBytes(StandardCharsets.UTF_8));
  }

  // RFC 7578: quotes and line breaks in a name are percent-encoded
  private static String quoted(String name) {
    return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }
}
