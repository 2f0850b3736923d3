package org.datenraum.app.emergency;

import java.util.Optional;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.WriteBatch;
import org.datenraum.ingest.cda.BufferedVisitStore;
import org.datenraum.ingest.cda.VisitStore;

/**
 * Group commit for documents posted in parallel: each document's writes are collected, and a
 * request is answered only once a store transaction holding its writes has committed; documents
 * stored while another batch is being written go into the next one. Thread-safe.
 */
final class GroupCommit implements VisitStore {

  /** How long the writer waits for more documents before it writes (they are parsed in parallel). */
  private static final long LINGER_MILLIS = 2;

  private final BufferedVisitStore pending;
  private final Object writer = new Object();
  private final ThreadLocal<Long> ticket = ThreadLocal.withInitial(() -> 0L);
  private long written;
  private volatile long durable;

  GroupCommit(VisitStore store) {
    this.pending = new BufferedVisitStore(store, Integer.MAX_VALUE);
  }

  @Override
  public synchronized Optional<String> resourceJson(ResourceKey key) {
    return pending.resourceJson(key);
  }

  @Override
  public synchronized Optional<String> patientByIdentifier(String identifierPseudonym) {
    return pending.patientByIdentifier(identifierPseudonym);
  }

  @Override
  public synchronized boolean hasPatient(String pseudonym) {
    return pending.hasPatient(pseudonym);
  }

  @Override
  public synchronized void write(WriteBatch batch) {
    pending.write(batch);
    ticket.set(++written);
  }

  /** Returns once this thread's last write is in the store. */
  void awaitDurable() {
    long mine = ticket.get();
    synchronized (writer) {
      if (durable >= mine) {
        return;
      }
      try {
        Thread.sleep(LINGER_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (this) {
        long upto = written;
        pending.flush();
        durable = upto;
      }
    }
  }
}
