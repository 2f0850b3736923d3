package org.datenraum.store.duckdb.feasibility;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.datenraum.store.duckdb.internal.Transactions;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A packed form saved as rows of {@code feasibility_index}: empty resource type, the form's path
 * ({@code #packed}, {@code #names}), the part's number in {@code system}, the store version in
 * {@code code}, up to {@value #PART_BYTES} bytes in {@code patients}. Programs before the packed
 * forms read only rows with a resource type or path {@code #patients}, and replace every row
 * when they save, so they never keep parts of another version. Stateless; callers hold the
 * store's connection lock.
 */
final class PackedParts {

  /** The size of one part. */
  static final int PART_BYTES = 4 << 20;

  private PackedParts() {}

  /** The parts of a packed form put together, if all of them name {@code version}. */
  static Optional<byte[]> read(Connection c, String path, long version) throws SQLException {
    java.util.TreeMap<Integer, byte[]> parts = new java.util.TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT system, code, patients FROM feasibility_index"
        + " WHERE resource_type = '' AND path = ?")) {
      ps.setString(1, path);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!rs.getString(2).equals(Long.toString(version))) {
            return Optional.empty();
          }
          parts.put(Integer.parseInt(rs.getString(1)), rs.getBytes(3));
        }
      }
    } catch (NumberFormatException unreadable) {
      return Optional.empty();
    }
    if (parts.isEmpty() || parts.lastKey() != parts.size() - 1) {
      return Optional.empty();
    }
    int length = parts.values().stream().mapToInt(b -> b.length).sum();
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] part : parts.values()) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return Optional.of(out);
  }

  /** Replaces the parts of {@code path} with those of {@code packed}, in one transaction. */
  static void replace(Connection c, String path, long version, byte[] packed) throws SQLException {
    Transactions.inOne(c, () -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM feasibility_index WHERE resource_type = ''"
          + " AND path = ?")) {
        ps.setString(1, path);
        ps.executeUpdate();
        try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender("feasibility_index")) {
          append(a, path, version, packed);
        }
      }
    });
  }

  /** Appends the parts of {@code packed} (at least one, empty if it is). */
  static void append(DuckDBAppender a, String path, long version, byte[] packed) throws SQLException {
    for (int part = 0, at = 0; at < packed.length || part == 0; part++, at += PART_BYTES) {
      byte[] bytes = java.util.Arrays.copyOfRange(packed, at, Math.min(packed.length, at + PART_BYTES));
      a.beginRow().append("").append(path).append(Integer.toString(part)).append(Long.toString(version))
          .append(bytes).endRow();
    }
  }
}
