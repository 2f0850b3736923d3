package org.datenraum.store.duckdb;

/** A failure of the database underneath the site store (I/O, corruption, a bug). */
public final class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
