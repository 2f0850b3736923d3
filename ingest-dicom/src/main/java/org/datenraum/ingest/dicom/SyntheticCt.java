package org.datenraum.ingest.dicom;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic CT study for tests, benchmarks and the demo: one series of square slices showing a
 * body (soft tissue, 40 HU) with two lungs (-850 HU) of which a share {@code opacity} of the voxels
 * is ground-glass (-500 HU), outside air (-1000 HU), with noise. The identifiers it writes are
 * fake. Immutable.
 *
 * @param patientId  the Patient ID
 * @param studyUid   the Study Instance UID (series and instances get UIDs below it)
 * @param date       the study date
 * @param bodyPart   Body Part Examined, e.g. {@code CHEST}
 * @param slices     number of instances
 * @param size       rows and columns (at least 16)
 */
public record SyntheticCt(String patientId, String studyUid, LocalDate date, String bodyPart,
    int slices, int size) {

  public static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";

  public SyntheticCt {
    requireNonNull(patientId, "patientId");
    requireNonNull(studyUid, "studyUid");
    requireNonNull(date, "date");
    if (slices < 1 || size < 16) {
      throw new IllegalArgumentException("slices >= 1 and size >= 16 required");
    }
  }

  public String seriesUid() {
    return studyUid + ".1";
  }

  /** Writes the slices as {@code dir/PREFIX-NNNN.dcm}; {@code opacity} in [0, 1]. */
  public List<Path> write(Path dir, String prefix, double opacity, long seed, DicomWriter.Syntax syntax)
      throws IOException {
    Files.createDirectories(dir);
    SplittableRandom random = new SplittableRandom(seed);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < slices; i++) {
      String sop = seriesUid() + "." + (i + 1);
      Path f = dir.resolve(String.format("%s-%04d.dcm", prefix, i + 1));
      Files.write(f, slice(sop, i, opacity, random).file(syntax, CT_IMAGE, sop));
      files.add(f);
    }
    return files;
  }

  /** Writes the slices' metadata only (no pixel data), as a PACS export of headers would be. */
  public List<Path> writeHeaders(Path dir, String prefix, DicomWriter.Syntax syntax) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < slices; i++) {
      String sop = seriesUid() + "." + (i + 1);
      Path f = dir.resolve(String.format("%s-%04d.dcm", prefix, i + 1));
      Files.write(f, header(sop, i).file(syntax, CT_IMAGE, sop));
      files.add(f);
    }
    return files;
  }

  private DicomWriter header(String sop, int index) {
    return new DicomWriter()
        .text(0x00080005, "CS", "ISO_IR 100").text(0x00080016, "UI", CT_IMAGE).text(0x00080018, "UI", sop)
        .text(0x00080020, "DA", date.toString().replace("-", "")).text(0x00080030, "TM", "101500")
        .text(0x00080050, "SH", "A" + Math.abs(studyUid.hashCode())).text(0x00080060, "CS", "CT")
        .text(0x00080070, "LO", "Datenraum Synthetic").text(0x00080080, "LO", "Synthetic Hospital")
        .text(0x0008103E, "LO", "Thorax 1.0 Br40").text(0x00081090, "LO", "SYN-CT 1")
        .text(0x00100010, "PN", "Synthetic^Patient^" + patientId).text(0x00100020, "LO", patientId)
        .text(0x00100030, "DA", "19600101").text(0x00100040, "CS", "O")
        .text(0x00180015, "CS", bodyPart == null ? "" : bodyPart)
        .text(0x00180050, "DS", "5").text(0x00181030, "LO", "Thorax Routine").fd(0x00189345, 6.5)
        .text(0x0020000D, "UI", studyUid).text(0x0020000E, "UI", seriesUid())
        .text(0x00200013, "IS", String.valueOf(index + 1))
        .us(0x00280002, 1).text(0x00280004, "CS", "MONOCHROME2")
        .us(0x00280010, size).us(0x00280011, size).us(0x00280100, 16).us(0x00280101, 16)
        .us(0x00280102, 15).us(0x00280103, 1)
        .text(0x00281052, "DS", "0").text(0x00281053, "DS", "1");
  }

  private DicomWriter slice(String sop, int index, double opacity, SplittableRandom random) {
    short[] pixels = new short[size * size];
    double c = (size - 1) / 2.0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double dx = (x - c) / c;
        double dy = (y - c) / c;
        double hu;
        if (dx * dx + dy * dy > 0.9) {
          hu = -1000;
        } else if (lung(dx, dy)) {
          hu = random.nextDouble() < opacity ? -500 : -850;
        } else {
          hu = 40;
        }
        pixels[y * size + x] = (short) Math.round(hu + random.nextGaussian() * 20);
      }
    }
    return header(sop, index).pixels(pixels);
  }

  private static boolean lung(double dx, double dy) {
    double left = (dx + 0.42) * (dx + 0.42) / 0.09 + dy * dy / 0.36;
    double right = (dx - 0.42) * (dx - 0.42) / 0.09 + dy * dy / 0.36;
    return left < 1 || right < 1;
  }
}
