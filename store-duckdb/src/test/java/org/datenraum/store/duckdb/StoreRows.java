package org.datenraum.store.duckdb;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;
import org.datenraum.store.duckdb.internal.StoreConnections;

/** Test helpers: a store's rows by SQL, and a model of the resources it holds. */
public final class StoreRows {

  private StoreRows() {}

  /** The first column of every row {@code sql} answers, as strings. */
  public static List<String> column(DuckDbSiteStore store, String sql) {
    return StoreConnections.of(store).withConnection(c -> {
      List<String> out = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  /**
   * Writes the batch and applies it to {@code written}, the model, as the store's rules say: a
   * deleted patient takes its resources along, an upsert replaces the resource of its key.
   */
  public static void write(DuckDbSiteStore store, WriteBatch batch, Map<ResourceKey, ResourceRecord> written) {
    store.write(batch);
    for (ResourceKey k : batch.deletes()) {
      written.remove(k);
      if (k.type().equals("Patient")) {
        written.values().removeIf(r -> k.id().equals(r.patient()));
      }
    }
    batch.upserts().forEach(r -> written.put(r.key(), r));
  }
}
