package org.datenraum.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.datenraum.core.ImagingCodes;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.datenraum.ingest.fhir.FhirIngest;
import org.datenraum.ingest.fhir.Lookups;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.datenraum.store.InMemorySiteStore;
import org.datenraum.store.quality.DataQuality;
import org.datenraum.store.quality.KnownSystems;
import org.datenraum.store.quality.QualityReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site admin's data quality lists no code system of Datenraum's own as unknown: a generated
 * hospital (imaging with DICOM modalities and structured findings, specimens, ICU) loaded through
 * the FHIR ingest has every fact in a known system, while a foreign system is still counted.
 */
class GeneratedSiteQualityTest {

  @Test
  void aGeneratedSiteHasNoFactInAnUnknownSystem(@TempDir Path dir) throws Exception {
    Path fhir = dir.resolve("fhir");
    HospitalGenerator.of(GeneratorConfig.of(100, 11, "Klinikum Test", LocalDate.of(2024, 1, 1), 1, List.of()).value())
        .writeTo(fhir, 1, false, (d, t, r, b) -> { });
    InMemorySiteStore store = new InMemorySiteStore();
    FhirIngest.of(KeyedPseudonymizer.of(new byte[32])).load(List.of(fhir), Lookups.none(), store::write, (a, b, c) -> { });
    Map<String, Long> bySystem = new TreeMap<>();
    try (var facts = store.facts()) {
      facts.forEach(f -> bySystem.merge(String.valueOf(f.code().system()), 1L, Long::sum));
    }
    assertThat(bySystem).containsKeys(ImagingCodes.DCM, ImagingCodes.FINDING, "http://snomed.info/sct");

    QualityReport q = DataQuality.measure(store, KnownSystems.DEFAULT, Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(q.unknownSystems()).isEmpty();
    QualityReport foreign = DataQuality.measure(store, java.util.Set.of("http://snomed.info/sct"),
        Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(foreign.unknownSystems()).containsEntry(ImagingCodes.DCM, bySystem.get(ImagingCodes.DCM))
        .doesNotContainKey("http://snomed.info/sct");
  }
}
