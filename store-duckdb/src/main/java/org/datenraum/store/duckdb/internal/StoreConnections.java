package org.datenraum.store.duckdb.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.datenraum.store.duckdb.DuckDbSiteStore;

/**
 * The way this module's packages (the feasibility index) reach a site store's connection, which
 * the store does not offer publicly: the store hands its access in when its class loads. Calls
 * are serialised with the store's own. Not an API for other modules.
 */
public final class StoreConnections {

  /** A function over the connection. */
  @FunctionalInterface
  public interface SqlFunction<T> {
    T apply(Connection c) throws SQLException;
  }

  /** Runs functions on one store's connection. */
  public interface Access {
    <T> T withConnection(SqlFunction<T> f);
  }

  private static volatile Function<DuckDbSiteStore, Access> access;

  private StoreConnections() {}

  /** Called once by the store class. */
  public static synchronized void grant(Function<DuckDbSiteStore, Access> storeAccess) {
    if (access != null) {
      throw new IllegalStateException("store access was granted already");
    }
    access = storeAccess;
  }

  /** The access to this store's connection. */
  public static Access of(DuckDbSiteStore store) {
    return access.apply(store);
  }
}
