package org.datenraum.store.duckdb.feasibility;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Attribute;
import org.datenraum.query.plan.FactPattern;
import org.datenraum.query.plan.FactTest;
import org.roaringbitmap.RoaringBitmap;

/**
 * The patients with a fact matching a pattern: the union of the index bitmaps of the pattern's
 * codes when it has no further condition, else a pass over the cached rows of exactly those codes.
 * One per query execution; not thread-safe.
 */
final class PatternEvaluator {

  /** A resource of a patient, for sibling and reference tests. */
  private record PatientResource(int patient, long resource) {}

  @FunctionalInterface
  private interface RowSink {
    void accept(FactRows rows, int i);
  }

  private final CodeIndex index;
  private final RowCache cache;
  private final Connection connection;
  private final RowTests tests;

  PatternEvaluator(CodeIndex index, RowCache cache, Connection connection) {
    this.index = index;
    this.cache = cache;
    this.connection = connection;
    this.tests = new RowTests(cache);
  }

  RoaringBitmap patients(FactPattern p) throws SQLException {
    Set<IndexKey> keys = index.resolve(p.codeKey(), p.codes(), p.resourceTypes());
    if (p.window().isAlways() && p.value() == null && p.tests().isEmpty()) {
      RoaringBitmap out = new RoaringBitmap();
      for (IndexKey k : keys) {
        out.or(index.patients(k));
      }
      return out;
    }
    RowTest test = compile(p);
    RoaringBitmap out = new RoaringBitmap();
    for (FactRows r : cache.rows(connection, keys, needsExtras(p)).values()) {
      int matched = -1;
      for (int i = 0; i < r.size; i++) {
        int patient = r.patient[i];
        if (patient != matched && test.test(r, i)) {
          out.add(patient);
          matched = patient;
        }
      }
    }
    return out;
  }

  private void forEachMatch(FactPattern p, RowSink sink) throws SQLException {
    RowTest test = compile(p);
    Set<IndexKey> keys = index.resolve(p.codeKey(), p.codes(), p.resourceTypes());
    for (FactRows r : cache.rows(connection, keys, true).values()) {
      for (int i = 0; i < r.size; i++) {
        if (test.test(r, i)) {
          sink.accept(r, i);
        }
      }
    }
  }

  /** Whether the pattern tests attributes or joins on resources. */
  private static boolean needsExtras(FactPattern p) {
    return p.tests().stream().anyMatch(t -> t instanceof FactTest.AttributeIn
        || t instanceof FactTest.Sibling || t instanceof FactTest.References);
  }

  private RowTest compile(FactPattern p) throws SQLException {
    RowTest t = RowTests.window(p.window()).and(tests.value(p.value()));
    for (FactTest f : p.tests()) {
      if (f instanceof FactTest.Sibling s) {
        t = t.and(sibling(s, p.resourceTypes()));
      } else if (f instanceof FactTest.References refs) {
        t = t.and(references(refs));
      } else if (f instanceof FactTest.Near near) {
        t = t.and(near(near));
      } else {
        t = t.and(tests.simple(f));
      }
    }
    return t;
  }

  private RowTest sibling(FactTest.Sibling s, Set<String> types) throws SQLException {
    Set<PatientResource> matching = new HashSet<>();
    RowTest value = tests.value(s.value());
    Set<IndexKey> keys = index.resolve(null, s.codes(), types);
    for (Map.Entry<IndexKey, FactRows> e : cache.rows(connection, keys, true).entrySet()) {
      FactRows r = e.getValue();
      for (int i = 0; i < r.size; i++) {
        if (value.test(r, i)) {
          matching.add(new PatientResource(r.patient[i], r.resource[i]));
        }
      }
    }
    return (r, i) -> matching.contains(new PatientResource(r.patient[i], r.resource[i]));
  }

  /** Start times of the related facts per patient, then a search for one within the bounds. */
  private RowTest near(FactTest.Near near) throws SQLException {
    Map<Integer, long[]> starts = new java.util.HashMap<>();
    Map<Integer, Integer> sizes = new java.util.HashMap<>();
    for (FactPattern target : near.targets()) {
      forEachMatch(target, (r, i) -> {
        if (r.start[i] != FactRows.NO_TIME) {
          int n = sizes.merge(r.patient[i], 1, Integer::sum);
          long[] a = starts.computeIfAbsent(r.patient[i], k -> new long[4]);
          if (n > a.length) {
            a = java.util.Arrays.copyOf(a, a.length * 2);
            starts.put(r.patient[i], a);
          }
          a[n - 1] = r.start[i];
        }
      });
    }
    for (Map.Entry<Integer, long[]> e : starts.entrySet()) {
      long[] a = java.util.Arrays.copyOf(e.getValue(), sizes.get(e.getKey()));
      java.util.Arrays.sort(a);
      e.setValue(a);
    }
    long min = near.min() == null ? Long.MIN_VALUE : micros(near.min());
    long max = near.max() == null ? Long.MAX_VALUE : micros(near.max());
    return (r, i) -> {
      long[] a = starts.get(r.patient[i]);
      long s = r.start[i];
      if (a == null || s == FactRows.NO_TIME) {
        return false;
      }
      // a target t relates when s - max <= t <= s - min
      long lowest = max == Long.MAX_VALUE ? Long.MIN_VALUE : s - max;
      long highest = min == Long.MIN_VALUE ? Long.MAX_VALUE : s - min;
      int k = java.util.Arrays.binarySearch(a, lowest);
      int first = k >= 0 ? k : -k - 1;
      while (first > 0 && a[first - 1] == lowest) {
        first--;
      }
      return first < a.length && a[first] <= highest;
    };
  }

  private static long micros(java.time.Duration d) {
    return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1000);
  }

  private RowTest references(FactTest.References refs) throws SQLException {
    Set<PatientResource> targets = new HashSet<>();
    for (FactPattern target : refs.targets()) {
      forEachMatch(target, (r, i) -> targets.add(new PatientResource(r.patient[i], r.resource[i])));
    }
    return (r, i) -> {
      for (Attribute a : cache.attributes(r.attributes[i])) {
        if (a.value().system().equals(AttributeLines.REFERENCE_SYSTEM)
            && targets.contains(new PatientResource(r.patient[i], ResourceHash.ofReference(a.value().code())))) {
          return true;
        }
      }
      return false;
    };
  }
}
