package org.datenraum.federation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  private static List<AuditEntry> log(int n) {
    List<AuditEntry> out = new ArrayList<>();
    AuditEntry last = null;
    for (int i = 0; i < n; i++) {
      last = AuditChain.next(last, Instant.ofEpochSecond(1_700_000_000L + i), "alice", "request.submitted", "r" + i, "sites=3");
      out.add(last);
    }
    return out;
  }

  @Test
  void anIntactChainVerifies() {
    assertThat(AuditChain.verify(log(5))).isEmpty();
  }

  @Test
  void changedRemovedOrReorderedEntriesAreDetected() {
    List<AuditEntry> changed = log(5);
    AuditEntry e = changed.get(2);
    changed.set(2, new AuditEntry(e.seq(), e.at(), "mallory", e.action(), e.request(), e.detail(), e.previous(), e.hash()));
    assertThat(AuditChain.verify(changed)).hasValueSatisfying(m -> assertThat(m).contains("entry 3 was altered"));

    List<AuditEntry> removed = log(5);
    removed.remove(1);
    assertThat(AuditChain.verify(removed)).isPresent();

    List<AuditEntry> swapped = log(5);
    swapped.set(3, swapped.set(4, swapped.get(3)));
    assertThat(AuditChain.verify(swapped)).isPresent();
  }

  @Test
  void aRecomputedHashStillBreaksTheNextLink() {
    List<AuditEntry> forged = log(4);
    AuditEntry e = forged.get(1);
    String h = AuditChain.hash(e.seq(), e.at(), e.actor(), e.action(), e.request(), "sites=30", e.previous());
    forged.set(1, new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), e.request(), "sites=30", e.previous(), h));
    assertThat(AuditChain.verify(forged)).hasValueSatisfying(m -> assertThat(m).contains("entry 3 does not follow"));
  }
}
