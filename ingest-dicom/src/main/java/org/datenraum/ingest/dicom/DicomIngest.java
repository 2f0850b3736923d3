package org.datenraum.ingest.dicom;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.datenraum.core.Problem;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.WriteBatch;
import org.datenraum.ingest.dicom.internal.DicomFiles;
import org.datenraum.ingest.dicom.internal.DicomObject;
import org.datenraum.ingest.dicom.internal.Instance;
import org.datenraum.ingest.dicom.internal.InstanceReader;
import org.datenraum.ingest.dicom.internal.Part10Reader;
import org.datenraum.ingest.dicom.internal.StudyWriter;
import org.datenraum.privacy.KeyedPseudonymizer;

/**
 * Loads DICOM Part 10 files into the site store: metadata only (pixel data are never read), every
 * UID and the patient id pseudonymised with the site's pseudonymizer, direct identifiers dropped,
 * structured report measurements and segmentation segments as facts, bad files quarantined with
 * their reason. Immutable; one load at a time per instance.
 */
public final class DicomIngest {

  /** Files handled per write batch. */
  static final int CHUNK = 2_000;

  /** How a DICOM Patient ID finds its patient. */
  public record Config(String patientIdSystem) {
    /** Patient ID is the patient's id at the site, as FHIR Patient ids are. */
    public static Config direct() {
      return new Config(null);
    }
  }

  /** Reports progress: files done and the total. */
  public interface Progress {
    void update(long done, long total);
  }

  private final KeyedPseudonymizer pseudonymizer;
  private final DicomLookups lookups;
  private final Config config;

  private DicomIngest(KeyedPseudonymizer pseudonymizer, DicomLookups lookups, Config config) {
    this.pseudonymizer = requireNonNull(pseudonymizer, "pseudonymizer");
    this.lookups = requireNonNull(lookups, "lookups");
    this.config = requireNonNull(config, "config");
  }

  public static DicomIngest of(KeyedPseudonymizer pseudonymizer, DicomLookups lookups, Config config) {
    return new DicomIngest(pseudonymizer, lookups, config);
  }

  /** Reads the paths (files or directories) and hands batches to {@code sink}. */
  public DicomReport load(List<Path> paths, Consumer<WriteBatch> sink, Progress progress) {
    long t0 = System.nanoTime();
    DicomFiles.Listing listing = DicomFiles.of(paths);
    StudyWriter writer = new StudyWriter(pseudonymizer, lookups, config.patientIdSystem());
    Map<String, Integer> quarantined = new TreeMap<>();
    List<QuarantineEntry> rejected = new ArrayList<>();
    int dicom = 0;
    int skipped = listing.skipped();
    int done = 0;
    List<Path> files = listing.files();
    for (Path f : files) {
      try {
        Instance i = read(f);
        if (i == null) {
          skipped++;
        } else {
          dicom++;
          writer.add(i, f);
        }
      } catch (Part10Reader.Unreadable e) {
        rejected.add(new QuarantineEntry(f.toString(), "file", null, null,
            Problem.invalid(e.code(), e.getMessage())));
      }
      done++;
      progress.update(done, files.size());
      if (done % CHUNK == 0 || done == files.size()) {
        List<QuarantineEntry> q = new ArrayList<>(rejected);
        q.addAll(writer.problems());
        for (QuarantineEntry e : q) {
          quarantined.merge(e.problem().code(), 1, Integer::sum);
        }
        WriteBatch batch = writer.flush(q);
        rejected.clear();
        if (!batch.isEmpty()) {
          sink.accept(batch);
        }
      }
    }
    return new DicomReport(dicom, writer.studies(), writer.series(), writer.instances(),
        quarantined, skipped, writer.sources(), (System.nanoTime() - t0) / 1e9);
  }

  /** The instance in a file, or null for a DICOMDIR. */
  static Instance read(Path f) throws Part10Reader.Unreadable {
    DicomObject d;
    try (InputStream in = Files.newInputStream(f)) {
      d = Part10Reader.read(in);
    } catch (IOException e) {
      throw new Part10Reader.Unreadable("DR-7507", "the file cannot be read ("
          + e.getClass().getSimpleName() + "): check that it exists and is readable.");
    }
    if (InstanceReader.DICOMDIR_CLASS.equals(d.nonEmpty(org.datenraum.ingest.dicom.internal.Tags.SOP_CLASS))
        || InstanceReader.DICOMDIR_CLASS.equals(d.nonEmpty(0x00020002))) {
      return null;
    }
    return InstanceReader.of(d);
  }
}
