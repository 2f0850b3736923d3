package org.datenraum.app.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.datenraum.app.Main;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Fact;
import org.datenraum.core.ResourceKey;
import org.datenraum.ingest.dicom.DicomWriter;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datenraum dicom} on the shared DICOM files and a synthetic CT, through the real store. */
class DicomCommandIT {

  @TempDir Path tmp;

  @Test
  void theSummaryCountsWhatThisRunStoredAndTheSecondRunStoresNothing() {
    Path site = tmp.resolve("site");
    Run first = run("dicom", "--site", site.toString(), "--json", testData("dicom").toString());
    assertThat(first.status()).as(first.err()).isZero();
    assertThat(first.out().trim())
        .isEqualTo("{\"files\":4,\"studies\":3,\"series\":3,\"instances\":4,\"quarantined\":0}");
    Run again = run("dicom", "--site", site.toString(), "--json", testData("dicom").toString());
    assertThat(again.out().trim())
        .isEqualTo("{\"files\":4,\"studies\":0,\"series\":0,\"instances\":0,\"quarantined\":0}");
    assertThat(again.status()).isZero();
  }

  @Test
  void noDirectIdentifierOfTheFilesReachesTheStoreFiles() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.copy(testData("dicom/CT_small.dcm"), in.resolve("ct.dcm"));
    Files.copy(testData("dicom/MR_small_implicit.dcm"), in.resolve("mr.dcm"));
    Files.copy(testData("dicom/sr_document.dcm"), in.resolve("sr.dcm"));
    Files.copy(testData("dicom/seg_image_ct_binary.dcm"), in.resolve("seg.dcm"));
    Files.write(in.resolve("synthetic.dcm"), new DicomWriter()
        .text(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.2").text(0x00080018, "UI", "2.25.77.1.1.1")
        .text(0x00080020, "DA", "20250314").text(0x00080050, "SH", "ACC778812")
        .text(0x00080060, "CS", "CT").text(0x00080080, "LO", "Klinikum Nordstadt")
        .text(0x00080081, "ST", "Lindenallee 5, Nordstadt").text(0x00080090, "PN", "Hausarzt^Helga")
        .text(0x00100010, "PN", "Mustermann^Erika").text(0x00100020, "LO", "PID4711")
        .text(0x00100030, "DA", "19620517").text(0x00100040, "CS", "F")
        .text(0x0008103E, "LO", "Thorax Mustermann").text(0x00181030, "LO", "Thorax nativ")
        .text(0x0020000D, "UI", "2.25.77").text(0x0020000E, "UI", "2.25.77.1")
        .file(DicomWriter.Syntax.EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.2", "2.25.77.1.1.1"));
    Path site = tmp.resolve("site");
    assertThat(run("dicom", "--site", site.toString(), in.toString()).status()).isZero();

    List<String> identifiers = List.of("CompressedSamples", "1CT1", "4MR1", "77654033", "Doe^Archibald",
        "Archibald", "JFK IMAGING CENTER", "Mustermann", "Erika", "PID4711", "19620517", "1962-05-17",
        "ACC778812", "Klinikum Nordstadt", "Lindenallee", "Hausarzt", "2.25.77",
        "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322");
    try (Stream<Path> files = Files.walk(site)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String id : identifiers) {
          assertThat(bytes).as(f.getFileName() + " holds " + id).doesNotContain(id);
        }
      }
    }
    StringBuilder stored = new StringBuilder();
    try (DuckDbSiteStore store = new SiteDirectory(site).openStore(Clock.systemUTC())) {
      Set<ResourceKey> keys = new HashSet<>();
      List<Fact> facts = new ArrayList<>(store.facts().toList());
      for (Fact f : facts) {
        stored.append(f.code()).append(f.value()).append(f.attributes()).append(f.patient());
        keys.add(new ResourceKey(f.resourceType(), f.resourceId()));
      }
      store.patients().forEach(p -> keys.add(new ResourceKey("Patient", p.pseudonym())));
      for (ResourceKey k : keys) {
        stored.append(store.resourceJson(k).orElseThrow());
      }
      assertThat(keys).hasSizeGreaterThan(8);
    }
    for (String id : identifiers) {
      assertThat(stored.toString()).as("stored content holds " + id).doesNotContain(id);
    }
    assertThat(stored.toString()).contains("Thorax nativ").contains("GE MEDICAL SYSTEMS")
        .contains("1962-05");
  }

  @Test
  void aNonDicomFileIsQuarantinedAndTheCommandEndsOne() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.copy(testData("dicom/CT_small.dcm"), in.resolve("IM0001"));
    Files.writeString(in.resolve("IM0002"), "this is not DICOM".repeat(20));
    Run r = run("dicom", "--site", tmp.resolve("site").toString(), "--json", in.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out().trim())
        .isEqualTo("{\"files\":1,\"studies\":1,\"series\":1,\"instances\":1,\"quarantined\":1}");
    Run q = run("quarantine", "--site", tmp.resolve("site").toString());
    assertThat(q.out()).contains("IM0002").contains("DR-7501");
  }

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new java.io.PrintWriter(out, true));
    cl.setErr(new java.io.PrintWriter(err, true));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  static Path testData(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared").resolve("testdata");
      if (Files.isDirectory(candidate)) {
        return candidate.resolve(relative);
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("shared/testdata not found");
  }
}
