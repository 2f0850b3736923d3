package org.datenraum.privacy;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cell key of a count: HMAC-SHA-256 under the site's noise secret over the disclosure
 * policy and the sorted, distinct pseudonyms of the patients counted, read as a number in (0, 1).
 * Every question that counts the same patients under the same policy gets the same key however
 * it is worded, and without the secret the key cannot be predicted (the cell-key method of the
 * Australian Bureau of Statistics, with a keyed hash of the records in place of summed record
 * keys). Immutable and thread-safe.
 */
public final class CellKey {

  /** Minimum secret length in bytes. */
  public static final int MIN_SECRET_BYTES = 32;

  private static final String DOMAIN = "datenraum-disclosure-noise-v1";
  private static final double TWO_TO_53 = 0x1p53;

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  private CellKey(byte[] secret) {
    this.key = HmacSha256.key(secret);
    this.macs = ThreadLocal.withInitial(() -> HmacSha256.mac(key));
  }

  /** Cell keys under the given secret, which must have at least 32 bytes. */
  public static CellKey of(byte[] secret) {
    requireNonNull(secret, "secret");
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("the noise secret has " + secret.length + " bytes; at least "
          + MIN_SECRET_BYTES + " are required.");
    }
    return new CellKey(Arrays.copyOf(secret, secret.length));
  }

  /** The key of a count of exactly these patients under this policy: uniform in (0, 1). */
  public double of(DisclosurePolicy policy, Collection<String> patients) {
    requireNonNull(policy, "policy");
    Mac mac = macs.get();
    mac.update(DOMAIN.getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) 0);
    mac.update(policy.describe().getBytes(StandardCharsets.US_ASCII));
    for (String p : new TreeSet<>(patients)) {
      mac.update((byte) 0);
      mac.update(p.getBytes(StandardCharsets.UTF_8));
    }
    byte[] digest = mac.doFinal();
    long bits = 0;
    for (int i = 0; i < 7; i++) {
      bits = bits << 8 | (digest[i] & 0xff);
    }
    return ((bits >>> 3) + 0.5) / TWO_TO_53;
  }

  @Override
  public String toString() {
    return "CellKey[secret redacted]";
  }
}
