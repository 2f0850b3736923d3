package org.datenraum.privacy;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cell key of a count, read as a number in (0, 1), and the record keys it is made from. Each
 * patient has a 128-bit record key: two SipHash-2-4 values of the patient's pseudonym, under two
 * keys derived from the site's noise secret by HMAC-SHA-256 over a domain label; a set of patients is summarised by its size
 * and the sums of its record keys modulo 2<sup>64</sup> ({@link CellSum}); the cell key is
 * HMAC-SHA-256 under the same secret over another domain label, the disclosure policy and that
 * summary. Every question that counts the same patients under the same policy gets the same key
 * however it is worded, in whatever order the patients come and whatever numbers a store gives
 * them; without the secret the key cannot be predicted (the cell-key method of the Australian
 * Bureau of Statistics: summed record keys, here kept secret and hashed once more). Immutable and
 * thread-safe.
 */
public final class CellKey {

  /** Minimum secret length in bytes. */
  public static final int MIN_SECRET_BYTES = 32;

  private static final byte[] RECORD_DOMAIN = "datenraum-record-key-v2".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CELL_DOMAIN = "datenraum-disclosure-noise-v2".getBytes(StandardCharsets.US_ASCII);
  private static final double TWO_TO_53 = 0x1p53;

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;
  private final SipHash recordHigh;
  private final SipHash recordLow;

  private CellKey(byte[] secret) {
    this.key = HmacSha256.key(secret);
    this.macs = ThreadLocal.withInitial(() -> HmacSha256.mac(key));
    this.recordHigh = SipHash.of(derived("high"));
    this.recordLow = SipHash.of(derived("low"));
  }

  /** A key for the record keys' halves: HMAC-SHA-256 under the secret over the record domain and the half. */
  private byte[] derived(String half) {
    Mac mac = macs.get();
    mac.update(RECORD_DOMAIN);
    mac.update((byte) 0);
    mac.update(half.getBytes(StandardCharsets.US_ASCII));
    return mac.doFinal();
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

  /** The key of a count of exactly these patients (duplicates count once) under this policy. */
  public double of(DisclosurePolicy policy, Collection<String> patients) {
    requireNonNull(patients, "patients");
    return of(policy, sum(patients instanceof Set<String> s ? s : new HashSet<>(patients)));
  }

  /** The summary of these distinct patients. */
  public CellSum sum(Set<String> patients) {
    long[] one = new long[2];
    long high = 0;
    long low = 0;
    for (String p : patients) {
      record(p, one);
      high += one[0];
      low += one[1];
    }
    return new CellSum(patients.size(), high, low);
  }

  /** The key of a count of the patients summarised by {@code sum} under this policy: uniform in (0, 1). */
  public double of(DisclosurePolicy policy, CellSum sum) {
    requireNonNull(policy, "policy");
    requireNonNull(sum, "sum");
    Mac mac = macs.get();
    mac.update(CELL_DOMAIN);
    mac.update((byte) 0);
    mac.update(policy.describe().getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) 0);
    mac.update(ByteBuffer.allocate(24).putLong(sum.count()).putLong(sum.high()).putLong(sum.low()).array());
    byte[] digest = mac.doFinal();
    long bits = 0;
    for (int i = 0; i < 7; i++) {
      bits = bits << 8 | (digest[i] & 0xff);
    }
    return ((bits >>> 3) + 0.5) / TWO_TO_53;
  }

  /** Writes the patient's record key into {@code into[0]} (high half) and {@code into[1]} (low half). */
  public void record(String pseudonym, long[] into) {
    byte[] p = pseudonym.getBytes(StandardCharsets.UTF_8);
    into[0] = recordHigh.hash(p);
    into[1] = recordLow.hash(p);
  }

  @Override
  public String toString() {
    return "CellKey[secret redacted]";
  }
}
