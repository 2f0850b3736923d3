package org.datenraum.app.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.ImagingCodes;
import org.datenraum.ingest.dicom.DicomWriter;
import org.datenraum.ingest.dicom.SyntheticCt;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imaging biomarkers}: the shipped model over DICOM CT studies loaded with {@code dicom}. */
class BiomarkersCommandIT {

  @TempDir Path tmp;

  @Test
  void theModelComputesEachStudysOpacityOnceWithItsProvenance() throws Exception {
    Path in = tmp.resolve("in");
    new SyntheticCt("P1", "2.25.501", LocalDate.of(2025, 3, 6), "CHEST", 3, 64)
        .write(in.resolve("a"), "ct", 0.30, 1, DicomWriter.Syntax.EXPLICIT_BE);
    new SyntheticCt("P2", "2.25.502", LocalDate.of(2025, 3, 7), "CHEST", 2, 48)
        .write(in.resolve("b"), "ct", 0.05, 2, DicomWriter.Syntax.DEFLATED_LE);
    Path site = tmp.resolve("site");
    assertThat(DicomCommandIT.run("dicom", "--site", site.toString(), in.toString()).status()).isZero();

    var first = DicomCommandIT.run("imaging", "biomarkers", "--site", site.toString(), "--json");
    assertThat(first.status()).as(first.err()).isZero();
    assertThat(first.out()).contains("\"studies\":2,\"computed\":2,\"alreadyDone\":0");
    var again = DicomCommandIT.run("imaging", "biomarkers", "--site", site.toString(), "--json");
    assertThat(again.out()).contains("\"studies\":2,\"computed\":0,\"alreadyDone\":2");

    try (DuckDbSiteStore store = new SiteDirectory(site).openStore(Clock.systemUTC())) {
      List<Fact> opacity = store.facts()
          .filter(f -> f.code().equals(new Coding(ImagingCodes.BIOMARKER, "lung-opacity-percent"))).toList();
      assertThat(opacity).hasSize(2);
      assertThat(opacity).extracting(f -> ((FactValue.Quantity) f.value()).number())
          .anySatisfy(v -> assertThat(v).isCloseTo(30.0, within(2.5)))
          .anySatisfy(v -> assertThat(v).isCloseTo(5.0, within(2.0)));
      assertThat(opacity).allSatisfy(f -> assertThat(f.attributes()).anySatisfy(a -> {
        assertThat(a.key()).isEqualTo("model");
        assertThat(a.value().code()).isEqualTo("lung-opacity/1");
      }).anyMatch(a -> a.key().equals("modelChecksum") && a.value().code().length() == 64)
          .anyMatch(a -> a.key().equals("inputSeries")));
    }
  }
}
