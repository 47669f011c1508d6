package io.focussync.cli.imports;

import io.focussync.cli.CliException;
import io.focussync.cli.http.GatewayClient;
import io.focussync.cli.http.MultipartBody;
import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Uploads a CSV, JSON Lines or SQLite file to {@code POST /api/v1/imports}: the file as the
 * multipart part {@code file}, {@code format}, the optional {@code timeZone} and the mapping
 * parameters (e.g. {@code table}, {@code startColumn}, {@code projectField}) as form fields.
 */
public final class FileUpload {

  private FileUpload() {}

  /** The server's answer: {@code accepted}, {@code rejected}, {@code errors}, ... */
  public static JsonNode upload(
      GatewayClient client,
      Path file,
      ImportFormat format,
      Map<String, String> parameters,
      String timeZone) {
    MultipartBody body = new MultipartBody().field("format", format.label());
    if (timeZone != null) {
      body.field("timeZone", timeZone);
    }
    parameters.forEach(body::field);
    try {
      body.file("file", file, format.contentType());
    } catch (FileNotFoundException e) {
      throw CliException.usage("cannot read " + file);
    }
    return client.postMultipart("/api/v1/imports", body);
  }
}
