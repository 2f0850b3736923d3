package org.datenraum.store.duckdb.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.datenraum.files.OwnerOnly;

/**
 * Creates a new, empty DuckDB database file readable by its owner only. DuckDB creates files with
 * the process's umask (usually {@code rw-r--r--}) and refuses an empty file, so an empty database
 * is made in a private temporary directory and its bytes written into a file created
 * {@code rw-------}; DuckDB then writes into that file in place. (DuckDB still creates its
 * write-ahead log with the umask; the store's directory, created {@code rwx------}, keeps others
 * out of it.) Stateless.
 */
public final class StoreFile {

  private StoreFile() {}

  public static void createOwnerOnly(Path file) throws IOException, SQLException {
    Path scratch = Files.createTempDirectory(file.getParent(), ".new-store-");
    try {
      Path empty = scratch.resolve("empty.duckdb");
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + empty)) {
        c.createStatement().execute("CHECKPOINT");
      }
      OwnerOnly.writeNew(file, Files.readAllBytes(empty));
    } finally {
      try (Stream<Path> walk = Files.walk(scratch)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
