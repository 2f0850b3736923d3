package org.datenraum.store.duckdb;

import java.nio.file.Path;

/**
 * The site store could not be opened because another process holds it (DuckDB lets one process
 * open a database file for writing). Trying again once that process closes it succeeds.
 */
public final class StoreLockedException extends RuntimeException {

  private final transient Path file;

  StoreLockedException(Path file, Throwable cause) {
    super("the site store `" + file + "` is in use by another process (a load, a query or the"
        + " node answering a request): try again when it is done.", cause);
    this.file = file;
  }

  /** The store file. */
  public Path file() {
    return file;
  }

  /** Whether DuckDB refused to open a file because another process holds its lock. */
  static boolean isLockConflict(Throwable e) {
    String m = e.getMessage();
    return m != null && (m.contains("Could not set lock on file") || m.contains("Conflicting lock"));
  }
}
