package io.focussync.ingest.session.api;

import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON request bodies strictly: bounded in size (413 beyond), valid UTF-8, one JSON value
 * without duplicate keys (400 otherwise).
 */
@Component
public class JsonBodies {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final int maxBytes;

  JsonBodies(IngestProperties properties) {
    this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 16, properties.maxBodySize().toBytes());
  }

  /** The mapper used for reading and writing JSON here. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /** The body bytes, at most the configured limit. */
  public byte[] read(HttpServletRequest request) {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw tooLarge();
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON value of a body. */
  public JsonNode parse(byte[] body) {
    String text = decodeUtf8(body);
    if (text.isBlank()) {
      throw InvalidInputException.of("body", "is empty; a JSON object is expected");
    }
    try {
      return MAPPER.readTree(text);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw InvalidInputException.of("body", "is not valid JSON" + where);
    }
  }

  /** Text of bytes that must be UTF-8. */
  public static String decodeUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw InvalidInputException.of("body", "is not valid UTF-8");
    }
  }

  private InvalidInputException tooLarge() {
    return new InvalidInputException(
        413, List.of(new FieldProblem("body", "must not be larger than " + maxBytes + " bytes")));
  }
}
