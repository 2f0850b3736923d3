package org.datenraum.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.datenraum.core.Problem;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.WriteBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store file holds row-level data and the quarantine: created owner-only, in an owner-only directory. */
class OwnerOnlyStoreIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  @Test
  void theStoreFileAndItsDirectoriesAreReadableByTheOwnerOnly() throws Exception {
    Path file = tmp.resolve("sites/a/site.duckdb");
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(DuckDbSiteStoreIT.upserts(DuckDbSiteStoreIT.patient("p1"),
          DuckDbSiteStoreIT.observation("o1", "p1", 13.0)));
      store.write(new WriteBatch(List.of(), List.of(), Map.of(), List.of(new QuarantineEntry("f.ndjson", "line 3",
          null, null, Problem.invalid("DR-1001", "line is not valid JSON")))));
      assertThat(mode(file)).isEqualTo("rw-------");
      // DuckDB makes its write-ahead log with the umask; the directory keeps others out of it
      assertThat(mode(file.getParent())).isEqualTo("rwx------");
    }
    assertThat(mode(tmp.resolve("sites"))).isEqualTo("rwx------");
    assertThat(mode(file.getParent())).isEqualTo("rwx------");
    assertThat(mode(file)).isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no scratch left behind")
          .allMatch(n -> n.startsWith("site.duckdb"));
    }
    try (DuckDbSiteStore reopened = DuckDbSiteStore.open(file, CLOCK)) {
      assertThat(reopened.patients().count()).isEqualTo(1);
      assertThat(reopened.stats().quarantined()).isEqualTo(1);
    }
    assertThat(mode(file)).isEqualTo("rw-------");
  }

  static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
