package org.datenraum.privacy;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA-256 keys and fresh MAC instances for this package's keyed functions. Stateless. */
final class HmacSha256 {

  private static final String ALGORITHM = "HmacSHA256";

  private HmacSha256() {}

  static SecretKeySpec key(byte[] secret) {
    return new SecretKeySpec(secret, ALGORITHM);
  }

  /** A new MAC under this key; a MAC is not thread-safe, so each user keeps its own. */
  static Mac mac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
    }
  }
}
