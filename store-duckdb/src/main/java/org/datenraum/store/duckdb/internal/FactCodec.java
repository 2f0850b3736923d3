package org.datenraum.store.duckdb.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.duckdb.DuckDBAppender;

/**
 * Writes facts as rows of the {@code fact_row} table and reads them back from the view {@code fact}
 * (the rows with their coded parts and attribute lines).
 */
public final class FactCodec {

  /** Columns of {@code fact} in table order, for reading. */
  public static final String COLUMNS = "patient, encounter, resource_type, resource_id, system,"
      + " code, start_time, end_time, value_num, value_high, unit, comparator, value_system,"
      + " value_code, value_text, status, attributes";

  private FactCodec() {}

  /**
   * Appends a fact as a row of {@code fact_row}: its attribute lines as the id of their
   * {@code attribute_set} row (null without attributes), its coded parts as the id of their
   * {@code fact_kind} row.
   */
  static void append(DuckDBAppender a, int patient, Fact f, Integer attributeSet, int kind)
      throws SQLException {
    a.beginRow();
    a.append(patient);
    text(a, f.encounter());
    a.append(f.resourceId());
    time(a, f.start());
    time(a, f.end());
    FactValue v = f.value();
    if (v instanceof FactValue.Quantity q) {
      a.append(q.number()).appendNull().appendNull();
    } else if (v instanceof FactValue.Range r) {
      number(a, r.low());
      number(a, r.high());
      a.appendNull();
    } else if (v instanceof FactValue.Text t) {
      a.appendNull().appendNull().append(t.text());
    } else {
      a.appendNull().appendNull().appendNull();
    }
    if (attributeSet == null) {
      a.appendNull();
    } else {
      a.append(attributeSet.intValue());
    }
    a.append(kind);
    a.endRow();
  }

  /** Encodes attributes as lines {@code key=system|code}. */
  static String attributes(List<Attribute> attrs) {
    if (attrs.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (Attribute at : attrs) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(at.key()).append('=').append(at.value().system()).append('|')
          .append(at.value().code());
    }
    return sb.toString();
  }

  /** Decodes attribute lines written by {@link #attributes(List)}. */
  public static List<Attribute> parseAttributes(String s) {
    List<Attribute> out = new ArrayList<>();
    if (s == null) {
      return out;
    }
    for (String line : s.split("\n")) {
      int eq = line.startsWith("extension(") ? line.indexOf(")=") + 1 : line.indexOf('=');
      out.add(new Attribute(line.substring(0, eq), Coding.parse(line.substring(eq + 1))));
    }
    return out;
  }

  /** Reads the current row (selected with {@link #COLUMNS}); the patient column gives its pseudonym. */
  public static Fact read(ResultSet rs, String patientPseudonym) throws SQLException {
    FactValue value = null;
    double num = rs.getDouble(9);
    boolean hasNum = !rs.wasNull();
    double high = rs.getDouble(10);
    boolean hasHigh = !rs.wasNull();
    if (rs.getString(13) != null) {
      value = new FactValue.Coded(new Coding(rs.getString(13), rs.getString(14)));
    } else if (hasHigh) {
      value = new FactValue.Range(hasNum ? num : null, high, rs.getString(11));
    } else if (hasNum) {
      value = new FactValue.Quantity(num, rs.getString(11), rs.getString(12));
    } else if (rs.getString(15) != null) {
      value = new FactValue.Text(rs.getString(15));
    }
    return new Fact(patientPseudonym, rs.getString(2), rs.getString(3), rs.getString(4),
        new Coding(rs.getString(5), rs.getString(6)), instant(rs.getObject(7, LocalDateTime.class)),
        instant(rs.getObject(8, LocalDateTime.class)), value, rs.getString(16), parseAttributes(rs.getString(17)));
  }

  private static Instant instant(LocalDateTime t) {
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  static void text(DuckDBAppender a, String s) throws SQLException {
    if (s == null) {
      a.appendNull();
    } else {
      a.append(s);
    }
  }

  private static void number(DuckDBAppender a, Double d) throws SQLException {
    if (d == null) {
      a.appendNull();
    } else {
      a.append(d.doubleValue());
    }
  }

  /** Appends the instant as a TIMESTAMP (UTC), without building a {@link LocalDateTime}. */
  static void time(DuckDBAppender a, Instant i) throws SQLException {
    if (i == null) {
      a.appendNull();
    } else {
      a.appendEpochMicros(micros(i));
    }
  }

  /**
   * Microseconds since the epoch, a part of a microsecond cut off towards zero as the driver does
   * for a {@link LocalDateTime} (so times before 1970 are stored as they were).
   */
  static long micros(Instant i) {
    long us = Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    return i.getEpochSecond() < 0 && i.getNano() % 1000 != 0 ? us + 1 : us;
  }
}
