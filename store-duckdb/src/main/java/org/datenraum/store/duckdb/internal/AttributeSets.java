package org.datenraum.store.duckdb.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Attribute;
import org.duckdb.DuckDBAppender;

/**
 * The writer's side of the table {@code attribute_set}: the id of each distinct attribute-lines
 * value, so that a fact row holds the id instead of the lines. The committed values are known by
 * their digest (the first 16 bytes of the SHA-256 of their UTF-8 bytes, as stored beside them), not
 * by their text: at a million patients there are millions of values, most naming one referenced
 * resource. Values new in a batch are staged, appended to the table in the batch's transaction,
 * and kept only if it commits. Read at the first write, not at opening. One writer thread.
 */
public final class AttributeSets {

  /**
   * Recently used values and their ids, so that frequent values are neither encoded nor digested
   * again: keyed by the attributes themselves (equal attributes encode to equal lines).
   */
  private static final int RECENT_MAX = 1 << 16;

  private final DigestTable committed = new DigestTable();
  private final Map<Digest, Integer> staged = new HashMap<>();
  private final Map<List<Attribute>, Integer> recent = new HashMap<>();
  private final MessageDigest sha256 = sha256();
  private int next;
  private boolean loaded;

  private record Digest(long high, long low) {}

  /** Reads the committed ids and digests once. */
  void loadIfNeeded(Connection c) throws SQLException {
    if (loaded) {
      return;
    }
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, digest FROM attribute_set")) {
      while (rs.next()) {
        int id = rs.getInt(1);
        ByteBuffer d = ByteBuffer.wrap(rs.getBytes(2));
        committed.put(d.getLong(), d.getLong(), id);
        next = Math.max(next, id + 1);
      }
    }
    loaded = true;
  }

  /**
   * The id of the lines of {@code attributes} (not empty, immutable); a value new to the store
   * gets the next id and a row in {@code table}, the batch's appender of {@code attribute_set}.
   */
  int idOf(List<Attribute> attributes, DuckDBAppender table) throws SQLException {
    Integer id = recent.get(attributes);
    if (id != null) {
      return id;
    }
    String lines = FactCodec.attributes(attributes);
    byte[] utf8 = lines.getBytes(StandardCharsets.UTF_8);
    ByteBuffer d = ByteBuffer.wrap(sha256.digest(utf8), 0, 16);
    Digest digest = new Digest(d.getLong(), d.getLong());
    id = staged.get(digest);
    if (id == null) {
      int known = committed.get(digest.high(), digest.low());
      if (known >= 0) {
        id = known;
      } else {
        id = next++;
        staged.put(digest, id);
        table.beginRow().append(id.intValue()).append(java.util.Arrays.copyOf(d.array(), 16))
            .append(lines).endRow();
      }
    }
    if (recent.size() >= RECENT_MAX) {
      recent.clear();
    }
    recent.put(attributes, id);
    return id;
  }

  /** The values of the committed batch are kept. */
  void commit() {
    staged.forEach((d, id) -> committed.put(d.high(), d.low(), id));
    staged.clear();
  }

  /** The values of the rolled-back batch are forgotten, and their ids given again. */
  void rollback() {
    for (int id : staged.values()) {
      next = Math.min(next, id);
    }
    staged.clear();
    recent.clear();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java runtime lacks SHA-256", e);
    }
  }
}
