package org.datenraum.app.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.datenraum.app.bench.SyntheticEdDocuments;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.WriteBatch;
import org.datenraum.ingest.cda.CdaImport;
import org.datenraum.ingest.cda.ImportAnswer;
import org.datenraum.ingest.cda.InMemoryVisitStore;
import org.datenraum.ingest.cda.VisitStore;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.junit.jupiter.api.Test;

/**
 * Documents posted while a group is being written form the next group: one write for all of
 * them, each caller its own answer (the second document of an encounter an update), and no
 * answer but an error for every caller when the group's write fails, with nothing stored.
 */
class GroupCommitTest {

  private static final CdaImport RECEIVER = CdaImport.of(KeyedPseudonymizer.of(new byte[32]));

  @Test
  void documentsArrivingDuringAWriteAreTheNextGroupWithTheirOwnAnswers() throws Exception {
    Gate store = new Gate(new InMemoryVisitStore());
    GroupCommit commits = new GroupCommit(RECEIVER, store);
    List<byte[]> docs = documents(6);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      store.hold();
      Future<ImportAnswer> first = pool.submit(() -> commits.submit(RECEIVER.check("first", docs.get(0))));
      assertThat(store.writing.await(10, TimeUnit.SECONDS)).isTrue();
      List<Future<ImportAnswer>> rest = new ArrayList<>();
      List<byte[]> sent = List.of(docs.get(1), docs.get(2), docs.get(3), docs.get(1), docs.get(0));
      for (int i = 0; i < sent.size(); i++) {
        byte[] d = sent.get(i);
        rest.add(pool.submit(() -> commits.submit(RECEIVER.check("rest", d))));
        awaitQueued(commits, i + 1);
      }
      store.release();
      assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
      List<Integer> statuses = new ArrayList<>();
      for (Future<ImportAnswer> f : rest) {
        statuses.add(f.get(10, TimeUnit.SECONDS).status());
      }
      assertThat(statuses).as("in the order queued: three new encounters, then two updates")
          .containsExactly(201, 201, 201, 200, 200);
      assertThat(store.writes).as("the first document alone, then the five queued meanwhile").hasValue(2);
      assertThat(store.target.facts().stream().filter(f -> f.resourceType().equals("Encounter")).count())
          .isEqualTo(4);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedWriteAnswersNoCallerAndStoresNothing() throws Exception {
    Gate store = new Gate(new InMemoryVisitStore());
    GroupCommit commits = new GroupCommit(RECEIVER, store);
    List<byte[]> docs = documents(2);
    store.failing.set(true);
    assertThatThrownBy(() -> commits.submit(RECEIVER.check("a", docs.get(0))))
        .hasMessageContaining("transaction");
    assertThat(store.target.keys()).isEmpty();
    store.failing.set(false);
    assertThat(commits.submit(RECEIVER.check("a", docs.get(0))).status()).as("not stored before").isEqualTo(201);
  }

  private static void awaitQueued(GroupCommit commits, int n) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (commits.queued() < n && System.nanoTime() < until) {
      Thread.sleep(2);
    }
    assertThat(commits.queued()).isEqualTo(n);
  }

  private static List<byte[]> documents(int n) {
    SyntheticEdDocuments synthetic = new SyntheticEdDocuments(5, YearMonth.of(2026, 11));
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(synthetic.next(i).getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  /** A store whose writes can be held at a gate, fail, and are counted. */
  private static final class Gate implements VisitStore {
    final InMemoryVisitStore target;
    final CountDownLatch writing = new CountDownLatch(1);
    final AtomicBoolean failing = new AtomicBoolean();
    final java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    Gate(InMemoryVisitStore target) {
      this.target = target;
    }

    void hold() {
      gate = new CountDownLatch(1);
    }

    void release() {
      gate.countDown();
    }

    @Override
    public Optional<String> resourceJson(ResourceKey key) {
      return target.resourceJson(key);
    }

    @Override
    public Optional<String> patientByIdentifier(String identifierPseudonym) {
      return target.patientByIdentifier(identifierPseudonym);
    }

    @Override
    public boolean hasPatient(String pseudonym) {
      return target.hasPatient(pseudonym);
    }

    @Override
    public Map<ResourceKey, String> resourceJson(Set<ResourceKey> keys) {
      return target.resourceJson(keys);
    }

    @Override
    public void write(WriteBatch batch) {
      writing.countDown();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (failing.get()) {
        throw new IllegalStateException("disk full");
      }
      writes.incrementAndGet();
      target.write(batch);
    }
  }
}
