package org.datenraum.app.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.datenraum.app.bench.SyntheticEdDocuments;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.ingest.cda.CdaImport;
import org.datenraum.store.duckdb.DuckDbSiteStore;

/** Synthetic ED visits of a month as CDA files, imported into a site store as {@code datenraum cda} does. */
public final class EdVisitFiles {

  private EdVisitFiles() {}

  /** Writes visits {@code first} to {@code first + count - 1} of {@code month} into {@code dir} and adds their files to {@code into}. */
  public static void write(Path dir, YearMonth month, int first, int count, List<Path> into) throws IOException {
    SyntheticEdDocuments docs = new SyntheticEdDocuments(month.getMonthValue(), month);
    for (int n = first; n < first + count; n++) {
      Path f = dir.resolve("visit-" + n + ".xml");
      Files.write(f, docs.next(n).getBytes(StandardCharsets.UTF_8));
      into.add(f);
    }
  }

  /** Imports the files into the store; every one of them must be stored. */
  public static void load(SiteDirectory site, List<Path> files, DuckDbSiteStore store) {
    assertThat(CdaFiles.loadCounting(CdaImport.of(site.pseudonymizer()), files, new SiteVisitStore(store)))
        .isEqualTo(files.size());
  }
}
