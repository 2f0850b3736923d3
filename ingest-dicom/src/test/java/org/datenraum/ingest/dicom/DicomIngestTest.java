package org.datenraum.ingest.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.ImagingCodes;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.privacy.PseudonymDomain;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomIngestTest {

  @Test
  void theSharedFilesBecomeStudiesSeriesInstancesAndFactsOnceOnly(@TempDir Path dir) throws Exception {
    InMemorySiteStore store = new InMemorySiteStore();
    DicomReport first = Loads.load(store, TestData.of("dicom"));
    // CT and SR share the CT study; MR and SEG each have their own; SR shares the CT's series UID
    assertThat(first.files()).isEqualTo(4);
    assertThat(first.studies()).isEqualTo(3);
    assertThat(first.series()).isEqualTo(3);
    assertThat(first.instances()).isEqualTo(4);
    assertThat(first.quarantinedTotal()).isZero();
    assertThat(first.skipped()).isEqualTo(6);
    long facts = store.facts().count();

    DicomReport again = Loads.load(store, TestData.of("dicom"));
    assertThat(again.files()).isEqualTo(4);
    assertThat(again.studies() + again.series() + again.instances()).isZero();
    assertThat(store.facts().count()).isEqualTo(facts);

    String ctPatient = Loads.KEYED.pseudonym(PseudonymDomain.PATIENT, "1CT1");
    List<Fact> ct = store.facts().filter(f -> f.patient().equals(ctPatient)).toList();
    assertThat(ct).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo(new Coding(ImagingCodes.DCM, "CT"));
      assertThat(f.resourceType()).isEqualTo("ImagingStudy");
      assertThat(f.start()).isEqualTo(java.time.Instant.parse("2004-01-19T12:27:30Z"));
      assertThat(f.attributes()).contains(new Attribute("series.contrast",
          new Coding("http://hl7.org/fhir/special-values", "true")));
    });
    assertThat(ct).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo(new Coding(ImagingCodes.DICOM_ATTRIBUTE, "SliceThickness"));
      assertThat(f.value()).isEqualTo(new FactValue.Quantity(5.0, "mm", null));
    });
    Fact area = ct.stream().filter(f -> f.resourceType().equals("Observation")).findFirst().orElseThrow();
    assertThat(area.value()).isEqualTo(new FactValue.Quantity(1.7, "cm2", null));
    assertThat(area.attributes()).contains(new Attribute("bodySite", new Coding("urn:dicom:scheme:SRT", "T-D00F7")));
    String studyKey = Loads.KEYED.pseudonym(PseudonymDomain.IDENTIFIER,
        "urn:dicom:uid|urn:oid:1.3.6.1.4.1.5962.1.2.1.20040119072730.12322");
    assertThat(ct).allSatisfy(f -> assertThat(f.attributes())
        .contains(new Attribute(ImagingCodes.STUDY_KEY, new Coding(ImagingCodes.STUDY_KEY, studyKey))));

    String segPatient = Loads.KEYED.pseudonym(PseudonymDomain.PATIENT, "77654033");
    assertThat(store.facts().filter(f -> f.patient().equals(segPatient)))
        .anySatisfy(f -> {
          assertThat(f.code()).isEqualTo(new Coding("http://snomed.info/sct", "272673000"));
          assertThat(f.value()).isEqualTo(new FactValue.Text("first segment"));
          assertThat(f.attributes()).contains(
              new Attribute("segment.algorithmType", new Coding("urn:dicom:segment-algorithm-type", "AUTOMATIC")),
              new Attribute("segment.algorithm", new Coding("urn:datenraum:algorithm", "test")));
        });
    assertThat(store.patients().count()).isEqualTo(3);
  }

  @Test
  void namesAndIdentifiersStayOutAndDescriptionsNamingThePatientAreDropped(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("ct.dcm");
    Files.write(f, Synthetic.ct("PID-4711", "1.5.1", "1.5.1.1", "1.5.1.1.1")
        .file(DicomWriter.Syntax.EXPLICIT_LE, Synthetic.CT_CLASS, "1.5.1.1.1"));
    InMemorySiteStore store = new InMemorySiteStore();
    Loads.load(store, f);
    String json = store.resourceJson(new org.datenraum.core.ResourceKey("ImagingStudy",
        org.datenraum.ingest.dicom.internal.StudyWriter.studyId(Loads.KEYED, "1.5.1"))).orElseThrow();
    String everything = json + store.facts().map(DicomIngestTest::text).collect(Collectors.joining());
    for (String identifier : List.of("PID-4711", "Mustermann", "Erika", "19620517", "1962-05-17",
        "ACC-778812", "Klinikum Nordstadt", "Hausarzt", "1.5.1", "1.5.1.1.1")) {
      assertThat(everything).as(identifier).doesNotContain(identifier);
    }
    // the protocol names the patient, the series description does not
    assertThat(json).contains("Thorax 1.0 Br40").doesNotContain("Thorax Routine");
    assertThat(store.patients().findFirst().orElseThrow().birth()).hasToString("1962-05");
  }

  @Test
  void badFilesAreQuarantinedWithTheirReasonAndTheRestLoads(@TempDir Path dir) throws Exception {
    byte[] ct = Files.readAllBytes(TestData.of("dicom/CT_small.dcm"));
    Files.writeString(dir.resolve("notes.bin"), "not a DICOM file at all, but long enough to have 132 bytes"
        + " ".repeat(100));
    Files.write(dir.resolve("truncated.dcm"), Arrays.copyOf(ct, 1000));
    Files.write(dir.resolve("raw.dcm"), Arrays.copyOfRange(ct, 132 + 12 + 0xC0, ct.length));
    Files.write(dir.resolve("unknown-syntax.dcm"), Synthetic.ct("P", "1.7", "1.7.1", "1.7.1.1")
        .file(DicomWriter.Syntax.EXPLICIT_LE, Synthetic.CT_CLASS, "1.7.1.1"));
    byte[] unknown = Files.readAllBytes(dir.resolve("unknown-syntax.dcm"));
    replace(unknown, "1.2.840.10008.1.2.1\0", "1.2.840.99999.9.9.9\0");
    Files.write(dir.resolve("unknown-syntax.dcm"), unknown);
    // cut inside the pixel data: the metadata before them are all the ingest reads
    Files.write(dir.resolve("cut-in-pixels.dcm"), Arrays.copyOf(ct, ct.length - 20_000));
    Files.copy(TestData.of("dicom/MR_small_implicit.dcm"), dir.resolve("mr"));
    InMemorySiteStore store = new InMemorySiteStore();
    DicomReport r = Loads.load(store, dir);
    assertThat(r.instances()).isEqualTo(2);
    assertThat(r.quarantined()).containsEntry("DR-7501", 1).containsEntry("DR-7502", 1)
        .containsEntry("DR-7503", 1).containsEntry("DR-7504", 1).hasSize(4);
    assertThat(store.quarantine()).extracting(QuarantineEntry::file).containsExactlyInAnyOrder(
        dir.resolve("notes.bin").toString(), dir.resolve("truncated.dcm").toString(),
        dir.resolve("raw.dcm").toString(), dir.resolve("unknown-syntax.dcm").toString());
    assertThat(store.quarantine()).filteredOn(q -> q.problem().code().equals("DR-7504"))
        .allSatisfy(q -> assertThat(q.problem().message()).contains("`1.2.840.99999.9.9.9`"));
  }

  @Test
  void findingsFromReportsAreFactsAndOutOfScaleOnesAreQuarantined(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("ok"), Synthetic.report("P-1", "1.8", "1.8.2", "1.8.2.1", 4, 12, "typical")
        .file(DicomWriter.Syntax.IMPLICIT_LE, Synthetic.SR_CLASS, "1.8.2.1"));
    Files.write(dir.resolve("bad"), Synthetic.report("P-2", "1.6", "1.6.2", "1.6.2.1", 7, 26, "likely")
        .file(DicomWriter.Syntax.EXPLICIT_LE, Synthetic.SR_CLASS, "1.6.2.1"));
    InMemorySiteStore store = new InMemorySiteStore();
    DicomReport r = Loads.load(store, dir);
    assertThat(r.quarantined()).containsEntry("DR-7510", 3);
    Set<String> p1 = Set.of(Loads.KEYED.pseudonym(PseudonymDomain.PATIENT, "P-1"));
    List<Fact> findings = store.facts().filter(f -> p1.contains(f.patient()))
        .filter(f -> f.code().system().equals(ImagingCodes.FINDING)).toList();
    assertThat(findings).extracting(f -> f.code().code() + "=" + text(f))
        .containsExactlyInAnyOrder("co-rads=4.0", "ct-severity-score=12.0", "rsna-covid19=typical");
    String p2 = Loads.KEYED.pseudonym(PseudonymDomain.PATIENT, "P-2");
    assertThat(store.facts().filter(f -> f.patient().equals(p2)))
        .extracting(f -> f.code().code()).containsExactly("121217", "SR");
  }

  private static String text(Fact f) {
    if (f.value() instanceof FactValue.Quantity q) {
      return String.valueOf(q.number());
    }
    if (f.value() instanceof FactValue.Coded c) {
      return c.coding().code();
    }
    return f.value() instanceof FactValue.Text t ? t.text() : f.code() + "" + f.attributes();
  }

  private static void replace(byte[] bytes, String from, String to) {
    byte[] a = from.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] b = to.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + a.length <= bytes.length; i++) {
      for (int j = 0; j < a.length; j++) {
        if (bytes[i + j] != a[j]) {
          continue outer;
        }
      }
      System.arraycopy(b, 0, bytes, i, b.length);
      return;
    }
    throw new AssertionError("not found: " + from);
  }
}
