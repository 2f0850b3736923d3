package org.datenraum.store.duckdb.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The dense numbers of stored patients (for bitmaps and compact fact rows), by pseudonym.
 * Changes are staged per batch and become visible only when the batch commits. One writer
 * thread; {@link #isCommitted} may be called from any thread.
 */
public final class PatientNumbers {

  private final Map<String, Integer> committed = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Integer> staged = new HashMap<>();
  private final Map<String, Boolean> removed = new HashMap<>();
  private int next;

  public void load(String pseudonym, int num) {
    committed.put(pseudonym, num);
    next = Math.max(next, num + 1);
  }

  /** The number of a patient, staged or committed, or null. */
  public Integer get(String pseudonym) {
    Integer n = staged.get(pseudonym);
    if (n != null) {
      return n;
    }
    return removed.containsKey(pseudonym) ? null : committed.get(pseudonym);
  }

  /** The number of the patient, assigning a new one if it has none. */
  public int getOrAssign(String pseudonym) {
    Integer n = get(pseudonym);
    if (n == null) {
      n = next++;
      staged.put(pseudonym, n);
    }
    return n;
  }

  public void remove(String pseudonym) {
    staged.remove(pseudonym);
    removed.put(pseudonym, Boolean.TRUE);
  }

  /** Whether the patient is in the store as committed (safe to call from any thread). */
  public boolean isCommitted(String pseudonym) {
    return committed.containsKey(pseudonym);
  }

  public int size() {
    return committed.size();
  }

  public void commit() {
    committed.putAll(staged);
    removed.keySet().stream().filter(p -> !staged.containsKey(p)).forEach(committed::remove);
    staged.clear();
    removed.clear();
  }

  public void rollback() {
    staged.clear();
    removed.clear();
  }
}
