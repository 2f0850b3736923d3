package org.datenraum.app.emergency;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.datenraum.ingest.cda.CdaImport;
import org.datenraum.ingest.cda.CheckedDocument;
import org.datenraum.ingest.cda.ImportAnswer;
import org.datenraum.ingest.cda.VisitStore;

/**
 * Group commit for documents posted at once: each request checks its document on its own thread,
 * then queues it; whichever request finds no group being written takes every queued document and
 * stores them in one transaction ({@link CdaImport#store}), in the order they were queued, and
 * hands each request its own answer. A request is answered only after the transaction holding its
 * document has committed; when the write fails, every request of the group fails and nothing of
 * it is stored. Thread-safe.
 */
final class GroupCommit {

  private final CdaImport receiver;
  private final VisitStore store;
  private final List<Waiting> queue = new ArrayList<>();
  private boolean writing;

  GroupCommit(CdaImport receiver, VisitStore store) {
    this.receiver = requireNonNull(receiver, "receiver");
    this.store = requireNonNull(store, "store");
  }

  CdaImport receiver() {
    return receiver;
  }

  /** Documents waiting for the group being written to finish. */
  synchronized int queued() {
    return queue.size();
  }

  /** Stores the document with those queued beside it and returns its answer once committed. */
  ImportAnswer submit(CheckedDocument document) throws InterruptedException {
    Waiting mine = new Waiting(document);
    List<Waiting> group;
    synchronized (this) {
      queue.add(mine);
      while (writing && !mine.done) {
        wait();
      }
      if (mine.done) {
        return mine.answer();
      }
      writing = true;
      group = new ArrayList<>(queue);
      queue.clear();
    }
    try {
      write(group);
    } finally {
      synchronized (this) {
        writing = false;
        notifyAll();
      }
    }
    return mine.answer();
  }

  private void write(List<Waiting> group) {
    List<CheckedDocument> documents = group.stream().map(w -> w.document).toList();
    RuntimeException failure = null;
    List<ImportAnswer> answers = null;
    try {
      answers = receiver.store(documents, store);
    } catch (RuntimeException e) {
      failure = e;
    }
    synchronized (this) {
      for (int i = 0; i < group.size(); i++) {
        group.get(i).finish(answers == null ? null : answers.get(i), failure);
      }
    }
  }

  /** One queued document and, once its group is written, its answer or the group's failure. */
  private static final class Waiting {
    private final CheckedDocument document;
    private ImportAnswer answer;
    private RuntimeException failure;
    private boolean done;

    Waiting(CheckedDocument document) {
      this.document = document;
    }

    void finish(ImportAnswer a, RuntimeException f) {
      answer = a;
      failure = f;
      done = true;
    }

    ImportAnswer answer() {
      if (failure != null) {
        throw new IllegalStateException("the store transaction of this document's group failed: "
            + failure.getMessage(), failure);
      }
      return answer;
    }
  }
}
