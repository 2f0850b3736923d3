package org.datenraum.app.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.datenraum.app.bench.SyntheticEdDocuments;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.WriteBatch;
import org.datenraum.ingest.cda.CdaImport;
import org.datenraum.ingest.cda.ImportAnswer;
import org.datenraum.ingest.cda.InMemoryVisitStore;
import org.datenraum.ingest.cda.VisitStore;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents posted while a group is being answered form the next group, each caller with its own
 * answer (the second document of an encounter an update); answered documents are in the journal
 * before their answer and reach the store in one write; a failed group answers no caller and keeps
 * nothing; a crash loses no answered document; an interrupted caller is answered exactly when its
 * document is kept.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GroupCommitTest {

  private static final CdaImport RECEIVER = CdaImport.of(KeyedPseudonymizer.of(new byte[32]));
  /** Long enough that only the test writes the store. */
  private static final Duration NEVER = Duration.ofHours(1);

  @TempDir Path dir;

  @Test
  void documentsArrivingDuringAGroupAreTheNextGroupAndReachTheStoreInOneWrite() throws Exception {
    Gate store = new Gate(new InMemoryVisitStore());
    List<byte[]> docs = documents(6);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (GroupCommit commits = GroupCommit.open(RECEIVER, store, dir, NEVER)) {
      store.hold();
      Future<ImportAnswer> first = pool.submit(() -> commits.submit("first", docs.get(0)));
      store.awaitReads(1);
      List<Future<ImportAnswer>> rest = new ArrayList<>();
      List<byte[]> sent = List.of(docs.get(1), docs.get(2), docs.get(3), docs.get(1), docs.get(0));
      for (int i = 0; i < sent.size(); i++) {
        byte[] d = sent.get(i);
        rest.add(pool.submit(() -> commits.submit("rest", d)));
        awaitQueued(commits, i + 1);
      }
      store.open();
      assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
      List<Integer> statuses = new ArrayList<>();
      for (Future<ImportAnswer> f : rest) {
        statuses.add(f.get(10, TimeUnit.SECONDS).status());
      }
      assertThat(statuses).as("in the order queued: three new encounters, then two updates")
          .containsExactly(201, 201, 201, 200, 200);
      assertThat(store.writes).as("answered before anything is written to the store").hasValue(0);
      assertThat(journaled()).as("every answered document is in the journal").hasSize(6);
      commits.flush();
      assertThat(store.writes).as("the six documents in one write").hasValue(1);
      assertThat(journaled()).as("emptied once the store holds them").isEmpty();
      assertThat(encounters(store.target)).isEqualTo(4);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedGroupAnswersNoCallerAndKeepsNothing() throws Exception {
    Gate store = new Gate(new InMemoryVisitStore());
    List<byte[]> docs = documents(2);
    try (GroupCommit commits = GroupCommit.open(RECEIVER, store, dir, NEVER)) {
      store.failing.set(true);
      assertThatThrownBy(() -> commits.submit("a", docs.get(0))).hasMessageContaining("could not be answered");
      assertThat(journaled()).isEmpty();
      store.failing.set(false);
      commits.flush();
      assertThat(store.target.keys()).isEmpty();
      assertThat(commits.submit("a", docs.get(0)).status()).as("not kept before").isEqualTo(201);
    }
  }

  @Test
  void aCrashLosesNoAnsweredDocument() throws Exception {
    byte[] story = storyboards("01").get(0);
    String text = new String(story, StandardCharsets.UTF_8);
    List<byte[]> sequence = List.of(story, text.replace("code=\"557\"", "code=\"556\"").getBytes(StandardCharsets.UTF_8),
        text.replace("extension=\"1234567890\"", "extension=\"42\"").getBytes(StandardCharsets.UTF_8),
        storyboards("02").get(0), story);
    InMemoryVisitStore store = new InMemoryVisitStore();
    GroupCommit crashed = GroupCommit.open(RECEIVER, store, dir, NEVER);
    List<Integer> answered = new ArrayList<>();
    for (byte[] d : sequence) {
      answered.add(crashed.submit("kis", d).status());
    }
    assertThat(store.keys()).as("the process dies before the store was written").isEmpty();
    // a document being appended when the process died, never answered
    Files.write(dir.resolve(CdaJournal.FILE), new byte[] {0, 0, 0, 3, 0, 0, 1, 0, 'k', 'i'},
        java.nio.file.StandardOpenOption.APPEND);

    InMemoryVisitStore alone = new InMemoryVisitStore();
    List<Integer> statuses = new ArrayList<>();
    for (byte[] d : sequence) {
      statuses.add(RECEIVER.receive("kis", d, alone).status());
    }
    assertThat(statuses).as("one by one: new, changed, moved to another patient, new, the first again")
        .containsExactly(201, 200, 409, 201, 200);
    assertThat(answered).isEqualTo(statuses);

    try (GroupCommit restarted = GroupCommit.open(RECEIVER, store, dir, NEVER)) {
      assertThat(store.keys()).as("written at the start, as one by one").containsExactlyInAnyOrderElementsOf(alone.keys());
      assertThat(store.facts()).containsExactlyInAnyOrderElementsOf(alone.facts());
      assertThat(journaled()).as("the cut record dropped, the rest in the store").isEmpty();
      assertThat(restarted.submit("kis", sequence.get(3)).status()).isEqualTo(200);
    }
    assertThat(journaled()).isEmpty();
  }

  @Test
  void aCrashAfterTheStoreCommittedButBeforeTheJournalWasEmptiedChangesNothing() throws Exception {
    List<byte[]> sequence = storyboards("01", "02", "01");
    InMemoryVisitStore store = new InMemoryVisitStore();
    InMemoryVisitStore alone = new InMemoryVisitStore();
    for (byte[] d : sequence) {
      RECEIVER.receive("kis", d, alone);
    }
    try (CdaJournal journal = CdaJournal.open(dir)) {
      journal.append(sequence.stream().map(d -> new CdaImport.Incoming("kis", d)).toList());
    }
    sequence.forEach(d -> RECEIVER.receive("kis", d, store));
    try (GroupCommit restarted = GroupCommit.open(RECEIVER, store, dir, NEVER)) {
      assertThat(store.facts()).as("written again, to the same facts").containsExactlyInAnyOrderElementsOf(alone.facts());
      assertThat(store.keys()).containsExactlyInAnyOrderElementsOf(alone.keys());
    }
  }

  @Test
  void anInterruptedCallerIsAnsweredExactlyWhenItsDocumentIsKept() throws Exception {
    Gate store = new Gate(new InMemoryVisitStore());
    List<byte[]> docs = documents(4);
    try (GroupCommit commits = GroupCommit.open(RECEIVER, store, dir, NEVER)) {
      store.hold();
      Caller first = new Caller(commits, docs.get(0));
      store.awaitReads(1);
      Caller queued = new Caller(commits, docs.get(1));
      awaitQueued(commits, 1);
      queued.thread.interrupt();
      queued.thread.join(10_000);
      assertThat(queued.failure).as("interrupted while still queued").isInstanceOf(InterruptedException.class);
      assertThat(commits.queued()).isZero();

      Caller second = new Caller(commits, docs.get(2));
      Caller third = new Caller(commits, docs.get(3));
      awaitQueued(commits, 2);
      store.release(2);
      first.thread.join(10_000);
      store.awaitReads(2);
      assertThat(commits.queued()).as("both taken by the next group").isZero();
      second.thread.interrupt();
      third.thread.interrupt();
      store.release(2);
      for (Caller c : List.of(first, second, third)) {
        c.thread.join(10_000);
        assertThat(c.failure).isNull();
        assertThat(c.status).isEqualTo(201);
      }
      assertThat(second.interrupted && third.interrupted).as("answered, the interrupt kept").isTrue();
      commits.flush();
      assertThat(encounters(store.target)).as("the three answered documents, not the one that left").isEqualTo(3);
    }
  }

  private List<byte[]> journaled() throws Exception {
    try (CdaJournal j = CdaJournal.open(dir)) {
      return j.read().stream().map(CdaImport.Incoming::bytes).toList();
    }
  }

  private static long encounters(InMemoryVisitStore store) {
    return store.facts().stream().filter(f -> f.resourceType().equals("Encounter")).count();
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

  private static List<byte[]> storyboards(String... numbers) throws Exception {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("shared").resolve("testdata"))) {
      dir = dir.getParent();
    }
    List<byte[]> out = new ArrayList<>();
    for (String n : numbers) {
      out.add(Files.readAllBytes(dir.resolve("shared/testdata/aktin/cda/storyboards/aktin_test_storyboard" + n + ".xml")));
    }
    return out;
  }

  /** A caller on its own thread, with its answer, failure and interrupt flag afterwards. */
  private static final class Caller {
    final Thread thread;
    volatile int status;
    volatile Exception failure;
    volatile boolean interrupted;

    Caller(GroupCommit commits, byte[] document) {
      thread = new Thread(() -> {
        try {
          status = commits.submit("caller", document).status();
        } catch (Exception e) {
          failure = e;
        }
        interrupted = Thread.currentThread().isInterrupted();
      });
      thread.start();
    }
  }

  /** A store whose reads can be held at a gate and fail, and whose writes are counted. */
  private static final class Gate implements VisitStore {
    final InMemoryVisitStore target;
    final AtomicBoolean failing = new AtomicBoolean();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    private volatile Semaphore gate;

    Gate(InMemoryVisitStore target) {
      this.target = target;
    }

    void hold() {
      gate = new Semaphore(0);
    }

    /** Lets every read pass from now on. */
    void open() {
      Semaphore g = gate;
      gate = null;
      g.release(1_000);
    }

    /** Lets this many held reads (two per group) pass. */
    void release(int permits) {
      gate.release(permits);
    }

    void awaitReads(int groups) throws InterruptedException {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (reads.get() < 2 * groups - 1 && System.nanoTime() < until) {
        Thread.sleep(2);
      }
      assertThat(reads.get()).isGreaterThanOrEqualTo(2 * groups - 1);
    }

    private void pass() {
      reads.incrementAndGet();
      Semaphore g = gate;
      if (g != null) {
        g.acquireUninterruptibly();
      }
      if (failing.get()) {
        throw new IllegalStateException("the database is gone");
      }
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
      pass();
      return target.resourceJson(keys);
    }

    @Override
    public Map<String, String> patientsByIdentifier(Set<String> identifierPseudonyms) {
      pass();
      return target.patientsByIdentifier(identifierPseudonyms);
    }

    @Override
    public void write(WriteBatch batch) {
      writes.incrementAndGet();
      target.write(batch);
    }
  }
}
