package org.datenraum.query.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.datenraum.core.Problem;
import org.datenraum.query.TestData;
import org.datenraum.query.ccdl.TermCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingDirectoryIT {

  private static final TermCode DIAGNOSE = TermCode.of("fdpg.mii.cds", "Diagnose");
  private static final TermCode SINUSITIS = TermCode.of("http://snomed.info/sct", "444814009");

  private static void copy(String from, Path to) throws Exception {
    Files.createDirectories(to.getParent());
    Files.writeString(to, TestData.read(TestData.ccdl(from)));
  }

  @Test
  void readsTheFlatLayout(@TempDir Path dir) throws Exception {
    copy("flare/flare-synthea-mapping_fhir.json", dir.resolve("mapping_fhir.json"));
    copy("flare/flare-synthea-mapping_tree.json", dir.resolve("mapping_tree.json"));

    TermCodeMapping m = MappingDirectory.load(dir).value();

    assertThat(m.resolve(DIAGNOSE, SINUSITIS)).isPresent();
  }

  @Test
  void readsTheReleaseLayout(@TempDir Path dir) throws Exception {
    copy("flare/flare-synthea-mapping_fhir.json", dir.resolve("mapping/fhir/mapping_fhir.json"));
    copy("flare/flare-synthea-mapping_tree.json", dir.resolve("mapping/mapping_tree.json"));

    TermCodeMapping m = MappingDirectory.load(dir).value();

    assertThat(m.resolve(DIAGNOSE, SINUSITIS)).isPresent();
  }

  @Test
  void namesBothLayoutsWhenNothingIsThere(@TempDir Path dir) {
    Problem p = MappingDirectory.load(dir).problem();

    assertThat(p.category()).isEqualTo(Problem.Category.NOT_FOUND);
    assertThat(p.text()).startsWith("DR-2030 No mapping_fhir.json in `" + dir + "`")
        .contains("DIR/mapping/fhir/mapping_fhir.json");
  }
}
