package org.datenraum.privacy;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: HMAC-SHA-256 under a per-site secret, separated by {@link PseudonymDomain}.
 * A pseudonym is the first 128 bits of the MAC, base64url without padding (22 characters).
 * Immutable and thread-safe.
 */
public final class KeyedPseudonymizer {

  /** Minimum secret length in bytes. */
  public static final int MIN_SECRET_BYTES = 32;

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  private KeyedPseudonymizer(byte[] secret) {
    this.key = HmacSha256.key(secret);
    this.macs = ThreadLocal.withInitial(() -> HmacSha256.mac(key));
  }

  /** A pseudonymizer under the given secret, which must have at least 32 bytes. */
  public static KeyedPseudonymizer of(byte[] secret) {
    requireNonNull(secret, "secret");
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the pseudonymisation secret has " + secret.length + " bytes; at least "
              + MIN_SECRET_BYTES + " are required");
    }
    return new KeyedPseudonymizer(Arrays.copyOf(secret, secret.length));
  }

  /** The pseudonym of {@code value} in {@code domain}. */
  public String pseudonym(PseudonymDomain domain, String value) {
    requireNonNull(value, "value");
    return pseudonym(domain, NO_BYTES, value.getBytes(StandardCharsets.UTF_8));
  }

  private static final byte[] NO_BYTES = {};

  /**
   * The pseudonym of the text whose UTF-8 bytes are {@code prefix} followed by {@code utf8} (e.g.
   * a resource's {@code Type/} and its id), without joining them first.
   */
  public String pseudonym(PseudonymDomain domain, byte[] prefix, byte[] utf8) {
    requireNonNull(utf8, "utf8");
    return pseudonym(domain, prefix, utf8, 0, utf8.length);
  }

  /** {@link #pseudonym(PseudonymDomain, byte[], byte[])} of {@code utf8[offset, offset + length)}. */
  public String pseudonym(PseudonymDomain domain, byte[] prefix, byte[] utf8, int offset,
      int length) {
    requireNonNull(domain, "domain");
    requireNonNull(prefix, "prefix");
    java.util.Objects.checkFromIndexSize(offset, length, utf8.length);
    Mac mac = macs.get();
    mac.update(domain.start());
    mac.update(prefix);
    mac.update(utf8, offset, length);
    byte[] digest = DIGESTS.get();
    try {
      mac.doFinal(digest, 0);
    } catch (javax.crypto.ShortBufferException e) {
      throw new IllegalStateException("an HMAC-SHA-256 is 32 bytes", e);
    }
    return base64Url(digest, PSEUDONYM_BYTES);
  }

  /** Bytes of the MAC a pseudonym keeps. */
  private static final int PSEUDONYM_BYTES = 16;
  /** Per thread, the buffer a MAC is written into. */
  private static final ThreadLocal<byte[]> DIGESTS = ThreadLocal.withInitial(() -> new byte[32]);
  private static final byte[] BASE64_URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
          .getBytes(StandardCharsets.US_ASCII);

  /** The first {@code n} bytes in base64url without padding (RFC 4648, section 5). */
  static String base64Url(byte[] b, int n) {
    byte[] out = new byte[(n * 4 + 2) / 3];
    int o = 0;
    int i = 0;
    for (; i + 3 <= n; i += 3) {
      int x = (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF);
      out[o++] = BASE64_URL[x >>> 18];
      out[o++] = BASE64_URL[x >>> 12 & 0x3F];
      out[o++] = BASE64_URL[x >>> 6 & 0x3F];
      out[o++] = BASE64_URL[x & 0x3F];
    }
    if (i < n) {
      int x = (b[i] & 0xFF) << 16 | (i + 1 < n ? (b[i + 1] & 0xFF) << 8 : 0);
      out[o++] = BASE64_URL[x >>> 18];
      out[o++] = BASE64_URL[x >>> 12 & 0x3F];
      if (i + 1 < n) {
        out[o++] = BASE64_URL[x >>> 6 & 0x3F];
      }
    }
    return new String(out, StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "KeyedPseudonymizer[secret redacted]";
  }
}
