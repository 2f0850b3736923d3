package org.datenraum.store.duckdb.feasibility;

import java.time.Instant;
import java.util.OptionalDouble;
import org.datenraum.core.Attribute;
import org.datenraum.query.eval.Units;
import org.datenraum.query.plan.CodeSet;
import org.datenraum.query.plan.FactTest;
import org.datenraum.query.plan.NumberTest;
import org.datenraum.query.plan.TimeWindow;
import org.datenraum.query.plan.ValueTest;

/**
 * Row tests with the semantics of the reference evaluator: time overlap, value filters with unit
 * conversion, attributes, codes and statuses. Tests on interned values are memoised per query.
 */
final class RowTests {

  private final RowCache cache;

  RowTests(RowCache cache) {
    this.cache = cache;
  }

  /** Overlap of {@code [start, end]} with the window; times are whole microseconds. */
  static RowTest window(TimeWindow w) {
    if (w.isAlways()) {
      return RowTest.ALWAYS;
    }
    boolean hasFrom = w.from() != null;
    boolean hasUntil = w.until() != null;
    long from = hasFrom ? ceilMicros(w.from()) : 0;
    long until = hasUntil ? ceilMicros(w.until()) : 0;
    return (r, i) -> {
      long s = r.start[i];
      if (s == FactRows.NO_TIME) {
        return false;
      }
      long e = r.end[i];
      long last = e == FactRows.NO_TIME || e < s ? s : e;
      return (!hasUntil || s < until) && (!hasFrom || last >= from);
    };
  }

  private static long ceilMicros(Instant t) {
    long micros = Math.multiplyExact(t.getEpochSecond(), 1_000_000L);
    return micros + (t.getNano() + 999) / 1000;
  }

  RowTest value(ValueTest test) {
    if (test == null) {
      return RowTest.ALWAYS;
    }
    if (test instanceof ValueTest.InConcepts in) {
      Memo m = new Memo(id -> in.concepts().contains(cache.codings.value(id)));
      return (r, i) -> r.kind[i] == FactRows.CODED && m.test(r.value[i]);
    }
    ValueTest.Quantity q = (ValueTest.Quantity) test;
    NumberTest number = q.test();
    if (q.unit() == null) {
      return (r, i) -> r.kind[i] == FactRows.QUANTITY && number.test(r.number[i]);
    }
    String target = q.unit();
    Memo convertible = new Memo(id -> id >= 0 && Units.convert(1, cache.units.value(id), target).isPresent());
    Memo same = new Memo(id -> id >= 0 && cache.units.value(id).equals(target));
    return (r, i) -> {
      if (r.kind[i] != FactRows.QUANTITY || !convertible.test(r.unit[i])) {
        return false;
      }
      if (same.test(r.unit[i])) {
        return number.test(r.number[i]);
      }
      OptionalDouble v = Units.convert(r.number[i], cache.units.value(r.unit[i]), target);
      return v.isPresent() && number.test(v.getAsDouble());
    };
  }

  /** Attribute, code and status tests; siblings and references are built by the caller. */
  RowTest simple(FactTest t) {
    if (t instanceof FactTest.AttributeIn a) {
      Memo m = new Memo(id -> hasAttribute(id, a.key(), a.values()));
      return (r, i) -> m.test(r.attributes[i]);
    }
    if (t instanceof FactTest.CodeIn c) {
      Memo m = new Memo(id -> c.codes().contains(cache.codings.value(id)));
      return (r, i) -> m.test(r.code[i]);
    }
    FactTest.StatusIn s = (FactTest.StatusIn) t;
    Memo m = new Memo(id -> id >= 0 && s.statuses().contains(cache.statuses.value(id)));
    return (r, i) -> m.test(r.status[i]);
  }

  private boolean hasAttribute(int id, String key, CodeSet values) {
    for (Attribute a : cache.attributes(id)) {
      if (AttributeLines.keyMatches(a.key(), key) && values.contains(a.value())) {
        return true;
      }
    }
    return false;
  }
}
