package org.datenraum.store.duckdb.feasibility;

import java.util.Arrays;
import java.util.function.IntPredicate;

/** A predicate on interned ids that computes each id's answer once. Not thread-safe. */
final class Memo {

  private final IntPredicate compute;
  private byte[] answers = new byte[64];

  Memo(IntPredicate compute) {
    this.compute = compute;
  }

  boolean test(int id) {
    if (id < 0) {
      return compute.test(id);
    }
    if (id >= answers.length) {
      answers = Arrays.copyOf(answers, Math.max(id + 1, answers.length * 2));
    }
    byte a = answers[id];
    if (a == 0) {
      a = compute.test(id) ? (byte) 1 : (byte) 2;
      answers[id] = a;
    }
    return a == 1;
  }
}
