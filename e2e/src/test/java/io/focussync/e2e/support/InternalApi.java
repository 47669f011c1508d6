package io.focussync.e2e.support;

import io.focussync.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls one replica of a service directly, bypassing the gateway, as the gateway would: with the
 * user's identity signed under the stack's internal auth key (HMAC-SHA256 of {@code userId + "\n" +
 * epochSeconds}, in {@code X-FocusSync-User}, {@code -Timestamp}, {@code -Signature}). For
 * scenarios that must reach a replica the gateway does not route to.
 */
public final class InternalApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String baseUrl;
  private final String key;

  public InternalApi(String baseUrl, String internalAuthKey) {
    this.baseUrl = baseUrl;
    this.key = internalAuthKey;
  }

  /** Sends a request as the user; a body object is written as JSON. */
  public GatewayApi.Reply send(String userId, String method, String path, Object body) {
    String timestamp = String.valueOf(Instant.now().getEpochSecond());
    String text = body == null ? null : JSON.writeValueAsString(body);
    TestHttp.Response response =
        TestHttp.send(
            method,
            baseUrl + path,
            text,
            Map.of(
                "X-FocusSync-User", userId,
                "X-FocusSync-Timestamp", timestamp,
                "X-FocusSync-Signature", sign(userId + "\n" + timestamp)));
    return new GatewayApi.Reply(response.status(), response.body());
  }

  private String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
