package org.datenraum.privacy;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
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

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

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
    requireNonNull(domain, "domain");
    requireNonNull(value, "value");
    Mac mac = macs.get();
    mac.update(domain.label().getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) 0);
    byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    return ENCODER.encodeToString(Arrays.copyOf(digest, 16));
  }

  @Override
  public String toString() {
    return "KeyedPseudonymizer[secret redacted]";
  }
}
