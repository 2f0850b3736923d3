package org.datenraum.ingest.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.datenraum.ingest.dicom.internal.Instance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our reader against PixelMed's reading of the same files (when PixelMed is installed), against
 * pydicom's dump in the shared test data, and against the values the test wrote itself.
 */
class DicomReaderTest {

  static final List<String> SHARED =
      List.of("CT_small.dcm", "MR_small_implicit.dcm", "seg_image_ct_binary.dcm", "sr_document.dcm");
  static final int[] TEXT_TAGS = {0x0020000D, 0x0020000E, 0x00080018, 0x00080016, 0x00080060,
      0x00180015, 0x00080070, 0x00081090, 0x00181030, 0x0008103E};

  @Test
  void everyAttributeOfTheSharedFilesEqualsPixelMedsReading() throws Exception {
    Optional<PixelMed> pixelMed = PixelMed.load();
    assumeTrue(pixelMed.isPresent(), "PixelMed is not installed (apt-get install libpixelmed-java):"
        + " the cross-check against it is skipped");
    for (String name : SHARED) {
      Path f = TestData.of("dicom/" + name);
      assertSameAsPixelMed(pixelMed.get(), f, DicomIngest.read(f));
    }
  }

  @Test
  void theSharedFilesAgreeWithPydicomsDump() throws Exception {
    Map<String, Map<String, String>> dump = pydicomDump();
    for (String name : SHARED) {
      Instance i = DicomIngest.read(TestData.of("dicom/" + name));
      Map<String, String> d = dump.get(name);
      assertThat(i.uids().study()).isEqualTo(d.get("StudyInstanceUID"));
      assertThat(i.uids().series()).isEqualTo(d.get("SeriesInstanceUID"));
      assertThat(i.uids().sopClass()).isEqualTo(d.get("SOPClass"));
      assertThat(i.acquisition().modality()).isEqualTo(d.get("Modality"));
      assertThat(i.subject().patientId()).isEqualTo(d.get("PatientID"));
      String date = d.get("StudyDate");
      assertThat(i.acquisition().studyTime().atOffset(ZoneOffset.UTC).toLocalDate().toString()
          .replace("-", "")).isEqualTo(date);
      if (d.containsKey("SliceThickness")) {
        assertThat(i.acquisition().sliceThickness()).isEqualTo(Double.parseDouble(d.get("SliceThickness")));
      }
    }
  }

  @Test
  void segmentsAndMeasurementsOfTheSharedSegAndSr() throws Exception {
    Instance seg = DicomIngest.read(TestData.of("dicom/seg_image_ct_binary.dcm"));
    assertThat(seg.segments()).hasSize(1);
    var s = seg.segments().get(0);
    assertThat(s.number()).isEqualTo(1);
    assertThat(s.label()).isEqualTo("first segment");
    assertThat(s.algorithmType()).isEqualTo("AUTOMATIC");
    assertThat(s.algorithmName()).isEqualTo("test");
    assertThat(s.type().code()).isEqualTo("272673000");
    assertThat(s.category().code()).isEqualTo("85756007");

    Instance sr = DicomIngest.read(TestData.of("dicom/sr_document.dcm"));
    assertThat(sr.measurements()).hasSize(1);
    var m = sr.measurements().get(0);
    assertThat(m.value()).isEqualTo(1.7);
    assertThat(m.unit()).isEqualTo("cm2");
    assertThat(m.name().code()).isEqualTo("G-A16A");
    assertThat(m.findingSite().code()).isEqualTo("T-D00F7");
    assertThat(m.finding().code()).isEqualTo("T-A7010");
  }

  @Test
  void syntheticFilesInEveryTransferSyntaxReadAsWritten(@TempDir Path dir) throws Exception {
    Optional<PixelMed> pixelMed = PixelMed.load();
    for (DicomWriter.Syntax syntax : DicomWriter.Syntax.values()) {
      Path f = dir.resolve(syntax + ".dcm");
      Files.write(f, Synthetic.ct("P-17", "1.2.3.1", "1.2.3.1.1", "1.2.3.1.1." + syntax.ordinal())
          .pixels(new short[] {-1000, 40, 400, 0}).file(syntax, Synthetic.CT_CLASS, "1.2.3.1.1." + syntax.ordinal()));
      Instance i = DicomIngest.read(f);
      assertThat(i.uids().study()).as(syntax.name()).isEqualTo("1.2.3.1");
      assertThat(i.uids().series()).isEqualTo("1.2.3.1.1");
      assertThat(i.uids().instance()).isEqualTo("1.2.3.1.1." + syntax.ordinal());
      assertThat(i.subject().patientId()).isEqualTo("P-17");
      assertThat(i.subject().birthDate()).isEqualTo("19620517");
      var a = i.acquisition();
      assertThat(a.modality()).isEqualTo("CT");
      assertThat(a.bodyPart()).isEqualTo("CHEST");
      assertThat(a.studyTime()).isEqualTo(LocalDate.of(2025, 3, 14).atTime(9, 30, 15)
          .toInstant(ZoneOffset.ofHours(1)));
      assertThat(a.manufacturer()).isEqualTo("Siemens Healthineers");
      assertThat(a.model()).isEqualTo("SOMATOM Force");
      assertThat(a.protocol()).isEqualTo("Thorax Routine Erika");
      assertThat(a.seriesDescription()).isEqualTo("Thorax 1.0 Br40");
      assertThat(a.sliceThickness()).isEqualTo(1.25);
      assertThat(a.contrast()).isTrue();
      assertThat(a.ctdiVol()).isEqualTo(6.42);
      if (pixelMed.isPresent()) {
        assertSameAsPixelMed(pixelMed.get(), f, i);
      }
    }
  }

  @Test
  void enhancedCtDoseAndReportFindingsInNestedSequences(@TempDir Path dir) throws Exception {
    for (DicomWriter.Syntax syntax : DicomWriter.Syntax.values()) {
      Path ct = dir.resolve("e" + syntax);
      Files.write(ct, Synthetic.enhancedCt("P-1", "1.9", "1.9.1", "1.9.1.1")
          .file(syntax, Synthetic.ENHANCED_CT_CLASS, "1.9.1.1"));
      assertThat(DicomIngest.read(ct).acquisition().ctdiVol()).as(syntax.name()).isEqualTo(11.5);
      Path sr = dir.resolve("r" + syntax);
      Files.write(sr, Synthetic.report("P-1", "1.9", "1.9.2", "1.9.2.1", 5, 17, "typical")
          .file(syntax, Synthetic.SR_CLASS, "1.9.2.1"));
      var ms = DicomIngest.read(sr).measurements();
      assertThat(ms).extracting(m -> m.name().code())
          .containsExactly("co-rads", "ct-severity-score", "121217", "rsna-covid19");
      assertThat(ms.get(0).value()).isEqualTo(5.0);
      assertThat(ms.get(1).value()).isEqualTo(17.0);
      assertThat(ms.get(2).unit()).isEqualTo("ml");
      assertThat(ms.get(3).coded().code()).isEqualTo("typical");
      assertThat(ms).allSatisfy(m -> {
        assertThat(m.findingSite().code()).isEqualTo("39607008");
        assertThat(m.finding().code()).isEqualTo("3128005");
      });
    }
  }

  private static void assertSameAsPixelMed(PixelMed pm, Path f, Instance i) throws Exception {
    Object list = pm.read(f);
    Map<Integer, String> ours = new HashMap<>();
    ours.put(0x0020000D, i.uids().study());
    ours.put(0x0020000E, i.uids().series());
    ours.put(0x00080018, i.uids().instance());
    ours.put(0x00080016, i.uids().sopClass());
    ours.put(0x00080060, i.acquisition().modality());
    ours.put(0x00180015, i.acquisition().bodyPart());
    ours.put(0x00080070, i.acquisition().manufacturer());
    ours.put(0x00081090, i.acquisition().model());
    ours.put(0x00181030, i.acquisition().protocol());
    ours.put(0x0008103E, i.acquisition().seriesDescription());
    for (int tag : TEXT_TAGS) {
      String theirs = pm.text(list, tag);
      assertThat(ours.get(tag)).as(f.getFileName() + " " + Integer.toHexString(tag))
          .isEqualTo(theirs == null || theirs.isEmpty() ? null : theirs);
    }
    assertThat(i.acquisition().sliceThickness()).as(f + " slice thickness")
        .isEqualTo(number(pm.text(list, 0x00180050)));
    assertThat(i.acquisition().ctdiVol()).as(f + " CTDIvol").isEqualTo(number(pm.text(list, 0x00189345)));
    String agent = pm.text(list, 0x00180010);
    boolean present = pm.has(list, 0x00180010);
    assertThat(i.acquisition().contrast()).as(f + " contrast")
        .isEqualTo(present ? Boolean.valueOf(agent != null && !agent.isEmpty()) : null);
    String date = pm.text(list, 0x00080020);
    if (date == null || date.isEmpty()) {
      assertThat(i.acquisition().studyTime()).isNull();
    } else {
      String time = pm.text(list, 0x00080030);
      String tz = pm.text(list, 0x00080201);
      LocalTime t = time == null || time.isEmpty() ? LocalTime.MIDNIGHT : LocalTime.of(
          Integer.parseInt(time.substring(0, 2)), Integer.parseInt(time.substring(2, 4)),
          Integer.parseInt(time.substring(4, 6)));
      ZoneOffset off = tz == null || tz.isEmpty() ? ZoneOffset.UTC : ZoneOffset.of(
          tz.substring(0, 3) + ":" + tz.substring(3));
      assertThat(i.acquisition().studyTime()).as(f + " study time").isEqualTo(
          LocalDate.parse(date, java.time.format.DateTimeFormatter.BASIC_ISO_DATE).atTime(t).toInstant(off));
    }
  }

  private static Double number(String s) {
    return s == null || s.isEmpty() ? null : Double.parseDouble(s);
  }

  /** TAGS-summary.txt: pydicom 2.3.1's reading of the shared files. */
  static Map<String, Map<String, String>> pydicomDump() throws Exception {
    Map<String, Map<String, String>> out = new HashMap<>();
    Map<String, String> current = null;
    for (String line : Files.readAllLines(TestData.of("dicom/TAGS-summary.txt"))) {
      if (line.startsWith("== ")) {
        current = new HashMap<>();
        out.put(line.substring(3, line.indexOf(':')), current);
        for (String part : line.substring(line.indexOf(':') + 1).trim().split(" ")) {
          int eq = part.indexOf('=');
          if (eq > 0) {
            current.put(part.substring(0, eq), part.substring(eq + 1));
          }
        }
      } else if (current != null && line.startsWith("   ") && line.contains("=")
          && !line.trim().startsWith("segment")) {
        String t = line.trim();
        current.putIfAbsent(t.substring(0, t.indexOf('=')), t.substring(t.indexOf('=') + 1));
      }
    }
    return out;
  }
}
