package org.datenraum.store.duckdb.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.roaringbitmap.RoaringBitmap;

/**
 * The patients whose facts changed since the saved feasibility index was built (table
 * {@code index_delta}): every write batch adds the patients it touched, in its transaction; saving
 * the index starts a new, empty delta at the saved version. Stateless; callers hold the store's
 * connection lock.
 */
public final class IndexDelta {

  /**
   * The delta: the store version it starts at (-1: no saved index to start from) and the patients
   * touched since.
   */
  public record Delta(long base, RoaringBitmap patients) {}

  private IndexDelta() {}

  /** Adds patients to the delta. */
  static void add(Connection c, RoaringBitmap touched) throws SQLException {
    if (touched.isEmpty()) {
      return;
    }
    Delta delta = read(c);
    RoaringBitmap all = RoaringBitmap.or(delta.patients(), touched);
    try (PreparedStatement ps = c.prepareStatement("UPDATE index_delta SET patients = ?")) {
      ps.setBytes(1, bytes(all));
      ps.executeUpdate();
    }
  }

  /** The current delta. */
  public static Delta read(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT base_version, patients FROM index_delta")) {
      if (!rs.next()) {
        return new Delta(-1, new RoaringBitmap());
      }
      long base = rs.getLong(1);
      byte[] stored = rs.getBytes(2);
      RoaringBitmap patients = new RoaringBitmap();
      if (stored != null && stored.length > 0) {
        try {
          patients.deserialize(ByteBuffer.wrap(stored));
        } catch (IOException | RuntimeException corrupt) {
          return new Delta(-1, new RoaringBitmap());
        }
      }
      return new Delta(base, patients);
    }
  }

  /** Starts an empty delta at {@code base} (the version the index was just saved at). */
  public static void reset(Connection c, long base) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM index_delta");
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO index_delta VALUES (?, ?)")) {
      ps.setLong(1, base);
      ps.setBytes(2, new byte[0]);
      ps.executeUpdate();
    }
  }

  private static byte[] bytes(RoaringBitmap b) {
    b.runOptimize();
    ByteBuffer buf = ByteBuffer.allocate(b.serializedSizeInBytes());
    b.serialize(buf);
    return buf.array();
  }
}
