package org.datenraum.store.duckdb.feasibility;

import java.util.Arrays;

/**
 * The fact rows of one index key in columns, sorted by patient: what value, time, attribute and
 * reference filters need, with repeated values as {@link Interner} ids. Attributes and resource
 * hashes ("extras") are loaded only for criteria that test them. Mutable while loading, then
 * only read.
 */
final class FactRows {

  /** No time: the column is null. */
  static final long NO_TIME = Long.MIN_VALUE;

  /** Value kinds, as {@code FactCodec} reads them back. */
  static final byte NONE = 0;
  static final byte QUANTITY = 1;
  static final byte RANGE = 2;
  static final byte CODED = 3;
  static final byte TEXT = 4;

  /** Whether attributes and resource hashes were loaded. */
  final boolean hasExtras;
  int size;
  int[] patient;
  int[] code;
  long[] start;
  long[] end;
  byte[] kind;
  double[] number;
  int[] unit;
  int[] value;
  int[] status;
  int[] attributes;
  long[] resource;

  FactRows(int capacity, boolean hasExtras) {
    this.hasExtras = hasExtras;
    int n = Math.max(capacity, 4);
    patient = new int[n];
    code = new int[n];
    start = new long[n];
    end = new long[n];
    kind = new byte[n];
    number = new double[n];
    unit = new int[n];
    value = new int[n];
    status = new int[n];
    attributes = hasExtras ? new int[n] : null;
    resource = hasExtras ? new long[n] : null;
  }

  /** Makes room for one more row and returns its index. */
  int append() {
    if (size == patient.length) {
      int n = size * 2;
      patient = Arrays.copyOf(patient, n);
      code = Arrays.copyOf(code, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
      kind = Arrays.copyOf(kind, n);
      number = Arrays.copyOf(number, n);
      unit = Arrays.copyOf(unit, n);
      value = Arrays.copyOf(value, n);
      status = Arrays.copyOf(status, n);
      if (hasExtras) {
        attributes = Arrays.copyOf(attributes, n);
        resource = Arrays.copyOf(resource, n);
      }
    }
    return size++;
  }

  /** Approximate heap bytes of the columns. */
  long sizeInBytes() {
    return (long) patient.length * (4 + 4 + 8 + 8 + 1 + 8 + 4 + 4 + 4 + (hasExtras ? 4 + 8 : 0));
  }
}
