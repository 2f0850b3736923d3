package org.datenraum.app.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.ingest.cda.CdaImport;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.http.LocalKeys;
import org.datenraum.node.http.NodeHttp;
import org.datenraum.node.http.NodeHttpConfig;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node whose import journal holds answered documents writes them to the store when its port starts. */
class CdaHttpRouteTest {

  @TempDir Path tmp;

  @Test
  void theJournalLeftByACrashIsWrittenWhenThePortStarts() throws Exception {
    SiteDirectory site = new SiteDirectory(tmp.resolve("site")).create();
    Path data = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(data.resolve("shared/testdata"))) {
      data = data.getParent();
    }
    byte[] story = Files.readAllBytes(data.resolve("shared/testdata/aktin/cda/storyboards/aktin_test_storyboard01.xml"));
    try (CdaJournal journal = CdaJournal.open(site.root())) {
      journal.append(List.of(new CdaImport.Incoming("HTTP kis", story)));
    }
    LocalKeys keys = LocalKeys.in(new NodeDirectory(site.root()).root());
    try (NodeHttp http = NodeHttp.start(NodeHttpConfig.loopback(0), keys, List.of(CdaHttpRoute.of(site)))) {
      assertThat(CdaJournal.hasDocuments(site.root())).as("written at the start, before any document").isFalse();
    }
    try (DuckDbSiteStore store = site.openStore(Clock.systemUTC())) {
      assertThat(store.facts().filter(f -> f.resourceType().equals("Encounter")).count()).isEqualTo(1);
    }
  }
}
