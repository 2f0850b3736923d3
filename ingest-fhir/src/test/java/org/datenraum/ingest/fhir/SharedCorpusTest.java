package org.datenraum.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.datenraum.core.Fact;
import org.datenraum.store.InMemorySiteStore;
import org.datenraum.store.SiteStats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every shared FHIR test set loads completely: counts as the files themselves give them. */
class SharedCorpusTest {

  @ParameterizedTest
  @ValueSource(strings = {"mii-kds", "synthea-flare", "ccdl/sq2cql/testData.json"})
  void loadsEveryResourceOfTheSet(String set) {
    Path input = TestData.of(set);
    CorpusCounts expected = CorpusCounts.of(input);
    InMemorySiteStore store = Loads.fresh();

    IngestReport report = Loads.load(store, input);

    SiteStats stats = store.stats();
    assertThat(store.quarantine()).isEmpty();
    assertThat(report.failed()).isFalse();
    assertThat(stats.patients()).isEqualTo(expected.patients()).isPositive();
    assertThat(stats.resources()).isEqualTo(expected.byType());
    assertThat(stats.facts()).isPositive();
    assertThat(store.facts()).allSatisfy(f -> assertThat(store.hasPatient(f.patient())).isTrue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"mii-kds", "ccdl/sq2cql/testData.json"})
  void germanCodesKeepTheirSystems(String set) {
    InMemorySiteStore store = Loads.fresh();
    Loads.load(store, TestData.of(set));
    assertThat(store.facts().map(Fact::code).map(c -> c.system()).distinct().toList())
        .contains("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "http://loinc.org");
  }
}
