package org.datenraum.store.duckdb.feasibility;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.datenraum.store.PatientNumbering;
import org.datenraum.store.duckdb.internal.SelectedPatients;
import org.duckdb.DuckDBConnection;
import org.roaringbitmap.RoaringBitmap;

/**
 * The pseudonyms of the stored patients by patient number, to turn a cohort bitmap into
 * pseudonyms: their UTF-8 bytes one after the other with the end offset of each number (an empty
 * one: no patient has that number), so that a million pseudonyms are one array read in bulk and a
 * string is made only for a selected patient. Packed form (big-endian): magic, format, store
 * version, count, the end offsets, the bytes, a CRC-32. Thread-safe.
 */
final class PatientNames {

  private static final int MAGIC = 0x4452504e;
  private static final int FORMAT = 1;

  private final byte[] bytes;
  private final int start;
  private final int[] ends;
  private PatientNumbering numbering;

  private PatientNames(byte[] bytes, int start, int[] ends) {
    this.bytes = bytes;
    this.start = start;
    this.ends = ends;
  }

  /** Reads every patient's number and pseudonym from the patient table. */
  static PatientNames load(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT num, pseudonym FROM patient")) {
      return of(read(rs, new String[0]));
    }
  }

  /**
   * These names with the patients of {@code touched} read again from the patient table: a new
   * patient has a number that was not stored before, and a deleted one no longer has one; no other
   * number changes its pseudonym.
   */
  static PatientNames update(Connection c, PatientNames base, RoaringBitmap touched) throws SQLException {
    String[] names = new String[base.ends.length];
    for (int num = 0; num < names.length; num++) {
      if (!touched.contains(num) && base.has(num)) {
        names[num] = base.name(num);
      }
    }
    List<Integer> numbers = new ArrayList<>(touched.getCardinality());
    touched.forEach((int num) -> numbers.add(num));
    try (SelectedPatients selected = SelectedPatients.of(c.unwrap(DuckDBConnection.class), numbers);
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT num, pseudonym FROM patient"
            + " WHERE num IN (SELECT num FROM " + SelectedPatients.TABLE + ")")) {
      return of(read(rs, names));
    }
  }

  /** {@code names} with the rows' pseudonyms put at their numbers, grown where a number needs it. */
  private static String[] read(ResultSet rs, String[] names) throws SQLException {
    String[] out = names;
    int count = names.length;
    while (rs.next()) {
      int num = rs.getInt(1);
      if (num >= out.length) {
        out = Arrays.copyOf(out, Math.max(num + 1, out.length * 2));
      }
      out[num] = rs.getString(2);
      count = Math.max(count, num + 1);
    }
    return Arrays.copyOf(out, count);
  }

  private static PatientNames of(String[] byNumber) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(byNumber.length * 24 + 16);
    int[] ends = new int[byNumber.length];
    for (int i = 0; i < byNumber.length; i++) {
      if (byNumber[i] != null) {
        out.writeBytes(byNumber[i].getBytes(StandardCharsets.UTF_8));
      }
      ends[i] = out.size();
    }
    return new PatientNames(out.toByteArray(), 0, ends);
  }

  /**
   * The same numbers as a numbering for callers outside the index: every pseudonym is made at the
   * first call, and later calls return the same numbering.
   */
  synchronized PatientNumbering numbering() {
    if (numbering == null) {
      String[] byNumber = new String[ends.length];
      for (int num = 0; num < byNumber.length; num++) {
        byNumber[num] = has(num) ? name(num) : null;
      }
      numbering = PatientNumbering.of(byNumber);
    }
    return numbering;
  }

  /** The names in packed form, naming the store version they were read at. */
  byte[] pack(long version) {
    int length = ends.length == 0 ? 0 : ends[ends.length - 1];
    ByteBuffer out = ByteBuffer.allocate(20 + 4 * ends.length + length);
    out.putInt(MAGIC).putInt(FORMAT).putLong(version).putInt(ends.length);
    out.asIntBuffer().put(ends);
    out.position(out.position() + 4 * ends.length);
    out.put(bytes, start, length);
    return Checksums.append(out.array());
  }

  /** The names packed at {@code version}, if these bytes are whole and of it. */
  static Optional<PatientNames> unpack(byte[] packed, long version) {
    Optional<ByteBuffer> opened = Checksums.opened(packed, MAGIC, FORMAT, version);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    ByteBuffer in = opened.get();
    try {
      int[] ends = new int[in.getInt()];
      in.asIntBuffer().get(ends);
      in.position(in.position() + 4 * ends.length);
      int previous = 0;
      for (int end : ends) {
        if (end < previous) {
          return Optional.empty();
        }
        previous = end;
      }
      if (in.remaining() != previous) {
        return Optional.empty();
      }
      return Optional.of(new PatientNames(packed, in.arrayOffset() + in.position(), ends));
    } catch (BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException unreadable) {
      return Optional.empty();
    }
  }

  /** The pseudonyms of the patients in the bitmap; every number in it must be a stored patient. */
  Set<String> of(RoaringBitmap patients) {
    Set<String> out = new HashSet<>(Math.max(16, (int) (patients.getLongCardinality() * 4 / 3 + 1)));
    patients.forEach((int num) -> out.add(name(num)));
    return Collections.unmodifiableSet(out);
  }

  private boolean has(int num) {
    return ends[num] != (num == 0 ? 0 : ends[num - 1]);
  }

  private String name(int num) {
    if (num < 0 || num >= ends.length || !has(num)) {
      throw new IllegalStateException("no stored patient has the number " + num);
    }
    int from = num == 0 ? 0 : ends[num - 1];
    int to = ends[num];
    return new String(bytes, start + from, to - from, StandardCharsets.UTF_8);
  }
}
