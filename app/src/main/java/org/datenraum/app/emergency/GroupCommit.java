package org.datenraum.app.emergency;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.datenraum.ingest.cda.BufferedVisitStore;
import org.datenraum.ingest.cda.CdaImport;
import org.datenraum.ingest.cda.CheckedDocument;
import org.datenraum.ingest.cda.ImportAnswer;
import org.datenraum.ingest.cda.VisitStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit with a journal for documents posted at once. Each request checks its document on
 * its own thread, then queues it; whichever request finds no group being answered takes every
 * queued document and answers them in the order queued, against the store and the documents
 * answered before but not yet written ({@link CdaImport#store}); the documents answered 201 or 200
 * are appended to the {@link CdaJournal} and forced to disk before any caller of the group gets
 * its answer. The answered documents are written to the store in large batches ({@link #FLUSH_AT}
 * documents, or {@link #LINGER} after the first one) and the journal is emptied after each
 * commit; documents a crash left in the journal are written to the store when the next commit
 * group opens ({@link #open}). When the journal cannot be written, every request of the group
 * fails and nothing of it is kept. A request interrupted while its document is still queued
 * leaves with {@link InterruptedException} and its document is neither stored nor answered; once
 * its group has taken it, the request waits for its answer and keeps its interrupt flag.
 * Thread-safe.
 */
final class GroupCommit implements AutoCloseable {

  /** Answered documents that are written to the store at once. */
  static final int FLUSH_AT = 500;
  /** How long an answered document waits at most for more before the store is written. */
  static final Duration LINGER = Duration.ofMillis(200);
  /** Answered documents not yet in the store beyond which a group first writes them (a store that keeps failing). */
  static final int MAX_PENDING = 10 * FLUSH_AT;

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

  private final CdaImport receiver;
  private final CdaJournal journal;
  private final BufferedVisitStore pending;
  private final Duration linger;
  private final Object storeLock = new Object();
  private final List<Waiting> queue = new ArrayList<>();
  private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "cda-store-writer");
    t.setDaemon(true);
    return t;
  });
  private boolean answering;
  private int pendingDocuments;
  private ScheduledFuture<?> scheduled;

  private GroupCommit(CdaImport receiver, VisitStore store, CdaJournal journal, Duration linger) {
    this.receiver = requireNonNull(receiver, "receiver");
    this.journal = requireNonNull(journal, "journal");
    this.pending = new BufferedVisitStore(requireNonNull(store, "store"), Integer.MAX_VALUE);
    this.linger = requireNonNull(linger, "linger");
  }

  /**
   * The commit group over {@code store} with its journal in {@code dir}: documents a crash left in
   * the journal are written to the store first, in their order, {@link #FLUSH_AT} per transaction.
   */
  static GroupCommit open(CdaImport receiver, VisitStore store, Path dir) {
    return open(receiver, store, dir, LINGER);
  }

  static GroupCommit open(CdaImport receiver, VisitStore store, Path dir, Duration linger) {
    CdaJournal journal = CdaJournal.open(dir);
    try {
      List<CdaImport.Incoming> left = journal.read();
      for (int from = 0; from < left.size(); from += FLUSH_AT) {
        receiver.receiveAll(left.subList(from, Math.min(left.size(), from + FLUSH_AT)), store);
      }
      if (!left.isEmpty()) {
        journal.clear();
        LOG.info("wrote {} answered CDA documents from the import journal to the site store", left.size());
      }
    } catch (IOException e) {
      closeQuietly(journal);
      throw new UncheckedIOException("DR-7215 cannot read the import journal in `" + dir + "`: " + e.getMessage()
          + "; give the node's user access to the site directory.", e);
    } catch (RuntimeException e) {
      closeQuietly(journal);
      throw e;
    }
    return new GroupCommit(receiver, store, journal, linger);
  }

  CdaImport receiver() {
    return receiver;
  }

  /** Documents waiting for the group being answered to finish. */
  synchronized int queued() {
    return queue.size();
  }

  /** Checks the document, answers it with those queued beside it and returns its answer once it is durable. */
  ImportAnswer submit(String source, byte[] document) throws InterruptedException {
    return submit(new CdaImport.Incoming(source, document), receiver.check(source, document));
  }

  /** Answers a document already checked (a refusal made without its bytes, such as one over the size limit). */
  ImportAnswer submit(CdaImport.Incoming incoming, CheckedDocument checked) throws InterruptedException {
    Waiting mine = new Waiting(incoming, checked);
    List<Waiting> group;
    boolean interrupted = false;
    synchronized (this) {
      queue.add(mine);
      while (answering && !mine.done) {
        try {
          wait();
        } catch (InterruptedException e) {
          if (queue.remove(mine)) {
            throw e;
          }
          interrupted = true;
        }
      }
      if (mine.done) {
        return answerOf(mine, interrupted);
      }
      answering = true;
      group = new ArrayList<>(queue);
      queue.clear();
    }
    try {
      answer(group);
    } finally {
      synchronized (this) {
        answering = false;
        notifyAll();
      }
    }
    return answerOf(mine, interrupted);
  }

  private static ImportAnswer answerOf(Waiting w, boolean interrupted) {
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return w.answer();
  }

  private void answer(List<Waiting> group) {
    RuntimeException failure = null;
    List<ImportAnswer> answers = null;
    try {
      answers = answerDurably(group);
    } catch (RuntimeException e) {
      failure = e;
    }
    synchronized (this) {
      for (int i = 0; i < group.size(); i++) {
        group.get(i).finish(answers == null ? null : answers.get(i), failure);
      }
    }
  }

  private List<ImportAnswer> answerDurably(List<Waiting> group) {
    synchronized (storeLock) {
      if (pendingDocuments >= MAX_PENDING) {
        flushLocked();
      }
      DeferredWrites deferred = new DeferredWrites(pending);
      List<ImportAnswer> answers = receiver.store(group.stream().map(w -> w.checked).toList(), deferred);
      List<CdaImport.Incoming> durable = new ArrayList<>();
      for (int i = 0; i < group.size(); i++) {
        if (answers.get(i).stored()) {
          durable.add(group.get(i).incoming);
        }
      }
      try {
        journal.append(durable);
      } catch (IOException e) {
        throw new UncheckedIOException("DR-7215 cannot write the import journal: " + e.getMessage()
            + "; free disk space or give the node's user write access to the site directory.", e);
      }
      deferred.batches().forEach(pending::write);
      pendingDocuments += group.size();
      scheduleFlush();
      return answers;
    }
  }

  private void scheduleFlush() {
    if (flusher.isShutdown()) {
      return;
    }
    if (pendingDocuments >= FLUSH_AT) {
      flusher.execute(this::flushLogged);
    } else if (scheduled == null || scheduled.isDone()) {
      scheduled = flusher.schedule(this::flushLogged, linger.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void flushLogged() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.error("writing answered CDA documents to the site store failed; they stay in the import journal", e);
      synchronized (storeLock) {
        if (!flusher.isShutdown()) {
          scheduled = flusher.schedule(this::flushLogged, linger.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    }
  }

  /** Writes the answered documents to the store now and empties the journal. */
  void flush() {
    synchronized (storeLock) {
      flushLocked();
    }
  }

  private void flushLocked() {
    if (pendingDocuments == 0) {
      return;
    }
    pending.flush();
    pendingDocuments = 0;
    try {
      journal.clear();
    } catch (IOException e) {
      LOG.error("emptying the import journal failed; its documents, already in the store, are written again"
          + " at the next start", e);
    }
  }

  /** Writes what was answered to the store and closes the journal. */
  @Override
  public void close() {
    synchronized (storeLock) {
      flusher.shutdownNow();
    }
    try {
      flush();
    } finally {
      synchronized (storeLock) {
        closeQuietly(journal);
      }
    }
  }

  private static void closeQuietly(CdaJournal journal) {
    try {
      journal.close();
    } catch (IOException e) {
      LOG.warn("closing the import journal failed", e);
    }
  }

  /** One queued document and, once its group is answered, its answer or the group's failure. */
  private static final class Waiting {
    private final CdaImport.Incoming incoming;
    private final CheckedDocument checked;
    private ImportAnswer answer;
    private RuntimeException failure;
    private boolean done;

    Waiting(CdaImport.Incoming incoming, CheckedDocument checked) {
      this.incoming = incoming;
      this.checked = checked;
    }

    void finish(ImportAnswer a, RuntimeException f) {
      answer = a;
      failure = f;
      done = true;
    }

    ImportAnswer answer() {
      if (failure != null) {
        throw new IllegalStateException("this document's group could not be answered and kept: "
            + failure.getMessage(), failure);
      }
      return answer;
    }
  }
}
