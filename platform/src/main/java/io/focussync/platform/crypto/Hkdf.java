package io.focussync.platform.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869): key material derived from a secret for one named use. */
final class Hkdf {

  private static final String HMAC = "HmacSHA256";

  private Hkdf() {}

  /** {@code length} bytes of output keying material for {@code info}. */
  static byte[] derive(byte[] salt, byte[] inputKeyMaterial, byte[] info, int length) {
    return expand(extract(salt, inputKeyMaterial), info, length);
  }

  static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
    return hmac(salt.length == 0 ? new byte[32] : salt, inputKeyMaterial);
  }

  static byte[] expand(byte[] pseudoRandomKey, byte[] info, int length) {
    if (length > 255 * 32) {
      throw new IllegalArgumentException("HKDF-SHA256 gives at most 8160 bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length);
    byte[] block = new byte[0];
    for (int counter = 1; out.size() < length; counter++) {
      byte[] input = new byte[block.length + info.length + 1];
      System.arraycopy(block, 0, input, 0, block.length);
      System.arraycopy(info, 0, input, block.length, info.length);
      input[input.length - 1] = (byte) counter;
      block = hmac(pseudoRandomKey, input);
      out.write(block, 0, Math.min(block.length, length - out.size()));
    }
    return out.toByteArray();
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
