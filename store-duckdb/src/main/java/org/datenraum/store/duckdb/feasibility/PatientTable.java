package org.datenraum.store.duckdb.feasibility;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Sex;
import org.datenraum.query.plan.PatientPredicate;
import org.roaringbitmap.RoaringBitmap;

/**
 * The stored patients as bitmaps: all of them, by sex, and by birth month, so that sex and age
 * criteria are unions of a few bitmaps. Immutable after {@link #load}; thread-safe to read.
 */
final class PatientTable {

  private final RoaringBitmap all = new RoaringBitmap();
  private final Map<Sex, RoaringBitmap> bySex = new EnumMap<>(Sex.class);
  private final Map<YearMonth, RoaringBitmap> byBirthMonth = new HashMap<>();

  private PatientTable() {}

  /** The bitmaps of one kind, as {@link IndexStore} saves them beside the index. */
  enum Kind { ALL, SEX, BIRTH_MONTH }

  /** Receives the table's bitmaps, each with its kind and value (a sex code or {@code yyyy-MM}). */
  @FunctionalInterface
  interface BitmapSink {
    void accept(Kind kind, String value, RoaringBitmap patients);
  }

  /** Passes every bitmap of the table to {@code sink}. */
  void forEach(BitmapSink sink) {
    sink.accept(Kind.ALL, "", all);
    bySex.forEach((sex, b) -> sink.accept(Kind.SEX, sex.code(), b));
    byBirthMonth.forEach((month, b) -> sink.accept(Kind.BIRTH_MONTH, month.toString(), b));
  }

  /** A table put together again from the bitmaps {@link #forEach} gave, none of them shared. */
  static final class Saved {
    private final PatientTable table = new PatientTable();
    private boolean hasAll;

    void put(Kind kind, String value, RoaringBitmap patients) {
      switch (kind) {
        case ALL -> {
          table.all.or(patients);
          hasAll = true;
        }
        case SEX -> table.bySex.put(Sex.ofCode(value), patients);
        case BIRTH_MONTH -> table.byBirthMonth.put(YearMonth.parse(value), patients);
      }
    }

    /** The table, if the bitmap of all patients was among the saved ones. */
    java.util.Optional<PatientTable> table() {
      return hasAll ? java.util.Optional.of(table) : java.util.Optional.empty();
    }
  }

  static PatientTable load(Connection c) throws SQLException {
    PatientTable t = new PatientTable();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT num, birth_year, birth_month, sex FROM patient")) {
      while (rs.next()) {
        int num = rs.getInt(1);
        int year = rs.getInt(2);
        boolean noBirth = rs.wasNull();
        t.all.add(num);
        t.bySex.computeIfAbsent(Sex.ofCode(rs.getString(4)), k -> new RoaringBitmap()).add(num);
        if (!noBirth) {
          t.byBirthMonth.computeIfAbsent(YearMonth.of(year, rs.getInt(3)), k -> new RoaringBitmap()).add(num);
        }
      }
    }
    t.all.runOptimize();
    return t;
  }

  RoaringBitmap all() {
    return all;
  }

  int size() {
    return all.getCardinality();
  }

  RoaringBitmap sex(Set<Sex> sexes) {
    RoaringBitmap out = new RoaringBitmap();
    for (Sex s : sexes) {
      RoaringBitmap b = bySex.get(s);
      if (b != null) {
        out.or(b);
      }
    }
    return out;
  }

  /** Patients whose age at the date, counted from the first day of the birth month, passes. */
  RoaringBitmap age(PatientPredicate.AgeIs age, LocalDate date) {
    RoaringBitmap out = new RoaringBitmap();
    for (Map.Entry<YearMonth, RoaringBitmap> e : byBirthMonth.entrySet()) {
      if (age.test().test(age.unit().between(e.getKey().atDay(1), date))) {
        out.or(e.getValue());
      }
    }
    return out;
  }

  long sizeInBytes() {
    long bytes = all.serializedSizeInBytes();
    for (RoaringBitmap b : bySex.values()) {
      bytes += b.serializedSizeInBytes();
    }
    for (RoaringBitmap b : byBirthMonth.values()) {
      bytes += b.serializedSizeInBytes();
    }
    return bytes;
  }
}
