package org.datenraum.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismIT {

  @TempDir Path tmp;

  private static final List<OutbreakSpec> OUTBREAK =
      List.of(OutbreakSpec.parse("influenza@2024-03-01:10d:+25").value());

  @Test
  void sameArgumentsGiveByteIdenticalFilesWhateverTheThreadCount() throws IOException {
    GeneratedSite a = GeneratedSite.generate(tmp.resolve("a"), 700, 11, "Klinikum A", 1, OUTBREAK, 2, "Kohorte A");
    GeneratedSite b = GeneratedSite.generate(tmp.resolve("b"), 700, 11, "Klinikum A", 1, OUTBREAK, 1, "Kohorte A");
    assertThat(a.summary).isEqualTo(b.summary);
    for (ResourceType t : ResourceType.values()) {
      assertThat(Files.readAllBytes(a.dir.resolve(t.fileName())))
          .as(t.fileName())
          .isEqualTo(Files.readAllBytes(b.dir.resolve(t.fileName())));
    }
  }

  @Test
  void anotherSeedOrSiteGivesOtherPatients() throws IOException {
    GeneratedSite a = GeneratedSite.generate(tmp.resolve("a"), 300, 11, "Klinikum A", 1, List.of(), 2);
    GeneratedSite seed = GeneratedSite.generate(tmp.resolve("s"), 300, 12, "Klinikum A", 1, List.of(), 2);
    GeneratedSite site = GeneratedSite.generate(tmp.resolve("t"), 300, 11, "Klinikum B", 1, List.of(), 2);
    assertThat(seed.lines("Patient")).doesNotContainAnyElementsOf(a.lines("Patient"));
    assertThat(site.lines("Patient")).doesNotContainAnyElementsOf(a.lines("Patient"));
  }

  @Test
  void gzipFilesHoldTheSameLines() throws IOException {
    GeneratedSite plain = GeneratedSite.generate(tmp.resolve("p"), 200, 5, "Klinikum A", 1, List.of(), 2);
    HospitalGenerator.of(plain.config).writeTo(tmp.resolve("z"), 2, true, ProgressListener.NONE);
    for (ResourceType t : ResourceType.values()) {
      if (t.cohortOnly()) {
        assertThat(tmp.resolve("z").resolve(t.fileName() + ".gz")).doesNotExist();
        continue;
      }
      try (var in = new java.util.zip.GZIPInputStream(
          Files.newInputStream(tmp.resolve("z").resolve(t.fileName() + ".gz")))) {
        assertThat(in.readAllBytes()).as(t.fileName())
            .isEqualTo(Files.readAllBytes(plain.dir.resolve(t.fileName())));
      }
    }
  }
}
