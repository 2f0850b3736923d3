package org.datenraum.federation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.datenraum.core.Problem;
import org.datenraum.federation.v1.AuditHead;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  private static final AuditKey KEY = key(1);

  private static AuditKey key(long seed) {
    byte[] b = new byte[32];
    new SplittableRandom(seed).nextBytes(b);
    return AuditKey.of(b);
  }

  private static Instant at(int i) {
    return Instant.ofEpochSecond(1_700_000_000L + i);
  }

  /** A keyed log of n entries: the keyed start, then n - 1 submissions. */
  private static List<AuditEntry> log(int n) {
    List<AuditEntry> out = new ArrayList<>();
    AuditEntry last = AuditChain.startKeyed(null, KEY, at(0), "broker");
    out.add(last);
    for (int i = 1; i < n; i++) {
      last = AuditChain.next(last, KEY, at(i), "alice", "request.submitted", "r" + i, "sites=3");
      out.add(last);
    }
    return out;
  }

  /** An entry sealed the way the unkeyed chain sealed it: what anybody can compute. */
  private static AuditEntry rehashed(AuditEntry e, String previous, String detail) {
    AuditEntry u = new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), e.request(), detail, previous, "");
    return u.sealed(AuditChain.legacyHash(u));
  }

  private static AuditReport verify(List<AuditEntry> entries, AuditAnchor... anchors) {
    return AuditVerifier.verify(entries, Optional.of(KEY), List.of(anchors));
  }

  private static List<String> found(AuditReport r) {
    return r.problems().stream().map(Problem::text).toList();
  }

  @Test
  void anIntactKeyedChainVerifies() {
    List<AuditEntry> entries = log(5);
    AuditReport r = verify(entries, new AuditAnchor("site `a`", entries.get(4).head()));
    assertThat(r.intact()).isTrue();
    assertThat(r.keyed()).isTrue();
    assertThat(r.entries()).isEqualTo(5);
  }

  @Test
  void anEditFollowedByRehashingEveryLaterEntryIsDetected() {
    List<AuditEntry> forged = log(5);
    String previous = forged.get(1).hash();
    for (int i = 2; i < 5; i++) {
      AuditEntry e = forged.get(i);
      AuditEntry f = rehashed(e, previous, i == 2 ? "sites=30" : e.detail());
      forged.set(i, f);
      previous = f.hash();
    }
    assertThat(found(verify(forged))).containsExactly(
        "DR-5901 entry 3 was altered or added without the audit key: its MAC does not match its content.");
  }

  @Test
  void anEntryAppendedWithARecomputedHashIsDetected() {
    List<AuditEntry> forged = log(4);
    AuditEntry last = forged.get(3);
    forged.add(rehashed(new AuditEntry(5, at(9), "mallory", "request.submitted", "x", "sites=3", last.hash(), ""),
        last.hash(), "sites=3"));
    assertThat(found(verify(forged))).containsExactly(
        "DR-5901 entry 5 was altered or added without the audit key: its MAC does not match its content.");
    AuditEntry other = AuditChain.next(last, key(2), at(9), "mallory", "request.submitted", "x", "");
    forged.set(4, other);
    assertThat(found(verify(forged))).singleElement().asString().startsWith("DR-5901 entry 5 ");
  }

  @Test
  void aTruncatedTailIsDetectedByTheAnchoredHead() {
    List<AuditEntry> entries = log(6);
    AuditHead held = entries.get(5).head();
    List<AuditEntry> cut = entries.subList(0, 4);
    assertThat(verify(cut).intact()).as("the chain alone cannot see a cut tail").isTrue();
    assertThat(found(verify(cut, new AuditAnchor("site `a`", held)))).containsExactly(
        "DR-5903 the log ends at entry 4, but site `a` holds entry 6 as its head: entries 5 to 6 were cut off.");
  }

  @Test
  void aLogRewrittenUnderAnotherKeyDoesNotMatchTheAnchor() {
    List<AuditEntry> entries = log(3);
    List<AuditEntry> other = new ArrayList<>();
    AuditEntry last = AuditChain.startKeyed(null, key(3), at(0), "broker");
    other.add(last);
    for (int i = 1; i < 3; i++) {
      last = AuditChain.next(last, key(3), at(i), "alice", "request.submitted", "r" + i, "sites=3");
      other.add(last);
    }
    AuditReport r = AuditVerifier.verify(other, Optional.of(key(3)),
        List.of(new AuditAnchor("the broker", entries.get(2).head())));
    assertThat(found(r)).containsExactly(
        "DR-5904 entry 3 is not the entry the broker holds as its head: the log was rewritten up to it.");
  }

  @Test
  void textMovedBetweenFieldsBreaksTheMac() {
    List<AuditEntry> entries = log(3);
    AuditEntry e = AuditChain.next(entries.get(2), KEY, at(3), "a", "status.failed", "r\u001fx", "y");
    entries.add(e);
    entries.set(3, new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), "r", "x\u001fy", e.previous(), e.hash()));
    assertThat(found(verify(entries))).singleElement().asString().startsWith("DR-5901 entry 4 ");
  }

  @Test
  void aLegacyPrefixVerifiesAndIsPinnedByTheKeyedStart() {
    List<AuditEntry> legacy = new ArrayList<>();
    String previous = AuditChain.GENESIS;
    for (int i = 1; i <= 3; i++) {
      AuditEntry e = rehashed(new AuditEntry(i, at(i), "alice", "request.submitted", "r" + i, "", previous, ""),
          previous, "sites=3");
      legacy.add(e);
      previous = e.hash();
    }
    List<AuditEntry> entries = new ArrayList<>(legacy);
    entries.add(AuditChain.startKeyed(legacy.get(2), KEY, at(4), "broker"));
    entries.add(AuditChain.next(entries.get(3), KEY, at(5), "alice", "request.submitted", "r5", ""));
    AuditReport r = verify(entries);
    assertThat(r.intact()).isTrue();
    assertThat(r.legacy()).isEqualTo(3);
    assertThat(entries.get(3).detail()).isEqualTo("legacy=3");

    List<AuditEntry> forged = new ArrayList<>(entries);
    String p = forged.get(0).hash();
    for (int i = 1; i < 3; i++) {
      forged.set(i, rehashed(forged.get(i), p, i == 1 ? "sites=30" : forged.get(i).detail()));
      p = forged.get(i).hash();
    }
    assertThat(found(verify(forged))).containsExactly(
        "DR-5902 entry 4 does not follow entry 3: an entry before it was changed, removed or inserted.");
  }

  @Test
  void anUnkeyedRewriteOfAKeyedLogAndAMissingKeyAreReported() {
    List<AuditEntry> unkeyed = new ArrayList<>();
    String previous = AuditChain.GENESIS;
    for (AuditEntry e : log(3).subList(1, 3)) {
      AuditEntry f = rehashed(new AuditEntry(unkeyed.size() + 1, e.at(), e.actor(), e.action(), e.request(), "",
          previous, ""), previous, e.detail());
      unkeyed.add(f);
      previous = f.hash();
    }
    assertThat(found(verify(unkeyed))).singleElement().asString().startsWith("DR-5905 the log has no `audit.keyed`");
    assertThat(AuditVerifier.verify(unkeyed, Optional.empty(), List.of()).intact()).isTrue();
    assertThat(found(AuditVerifier.verify(log(3), Optional.empty(), List.of()))).singleElement().asString()
        .startsWith("DR-5905 entries from 1 on are keyed, but the log's audit key is missing");
  }

  @Test
  void removedOrReorderedEntriesAreDetected() {
    List<AuditEntry> removed = log(5);
    removed.remove(1);
    assertThat(found(verify(removed))).singleElement().asString().startsWith("DR-5902 entry 2 is missing");

    List<AuditEntry> swapped = log(5);
    swapped.set(3, swapped.set(4, swapped.get(3)));
    assertThat(found(verify(swapped))).singleElement().asString().startsWith("DR-5902 entry 4 is missing");
  }

  @Test
  void theKeyNeverShowsInText() {
    assertThat(KEY.toString()).isEqualTo("AuditKey[redacted]");
  }
}
