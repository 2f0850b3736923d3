package org.datenraum.store.duckdb.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.ResourceKey;

/**
 * Reads many resources or identifier links by key in few queries (one per thousand keys and
 * resource type) instead of one query each: a site store has no index on these keys, so every
 * query scans its table. Stateless.
 */
public final class KeyedReads {

  /** Keys per query. */
  static final int CHUNK = 1000;

  private KeyedReads() {}

  /** The stored JSON of those of the keys that are stored. */
  public static Map<ResourceKey, String> resourceJson(Connection c, JsonCodec codec, Set<ResourceKey> keys)
      throws SQLException {
    Map<String, List<String>> idsByType = new HashMap<>();
    keys.forEach(k -> idsByType.computeIfAbsent(k.type(), t -> new ArrayList<>()).add(k.id()));
    Map<ResourceKey, String> out = new HashMap<>();
    for (Map.Entry<String, List<String>> e : idsByType.entrySet()) {
      List<String> ids = e.getValue();
      for (int from = 0; from < ids.size(); from += CHUNK) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
        try (PreparedStatement ps = c.prepareStatement("SELECT id, json FROM resource WHERE type = ? AND id IN ("
            + placeholders(chunk.size()) + ")")) {
          ps.setString(1, e.getKey());
          bind(ps, 2, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(new ResourceKey(e.getKey(), rs.getString(1)), codec.decompress(rs.getBytes(2)));
            }
          }
        }
      }
    }
    return out;
  }

  /** The patient pseudonym of those of the identifier pseudonyms that are linked to one. */
  public static Map<String, String> patientsByIdentifier(Connection c, Set<String> identifiers) throws SQLException {
    List<String> all = List.copyOf(identifiers);
    Map<String, String> out = new HashMap<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      try (PreparedStatement ps = c.prepareStatement("SELECT identifier, patient FROM patient_identifier"
          + " WHERE identifier IN (" + placeholders(chunk.size()) + ")")) {
        bind(ps, 1, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.putIfAbsent(rs.getString(1), rs.getString(2));
          }
        }
      }
    }
    return out;
  }

  private static String placeholders(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }

  private static void bind(PreparedStatement ps, int first, List<String> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setString(first + i, values.get(i));
    }
  }
}
