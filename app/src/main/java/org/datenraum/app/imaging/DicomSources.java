package org.datenraum.app.imaging;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.files.OwnerOnly;
import org.datenraum.ingest.dicom.DicomSource;

/**
 * Where the site's DICOM files are, for the models that read pixel data at the site:
 * {@code SITE/imaging/sources.tsv} (study id, series key, modality, path; owner-only). Paths may
 * name patients, so they stay in this file beside the store, never in it, and never leave the site.
 */
public record DicomSources(Path file) {

  public static DicomSources of(Path site) {
    return new DicomSources(site.resolve("imaging").resolve("sources.tsv"));
  }

  /** Appends the sources of newly stored instances. */
  public void append(List<DicomSource> sources) throws IOException {
    if (sources.isEmpty()) {
      return;
    }
    OwnerOnly.createDirectories(file.getParent());
    try (var channel = OwnerOnly.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
        BufferedWriter w = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8))) {
      for (DicomSource s : sources) {
        w.write(s.studyId() + "\t" + s.seriesKey() + "\t" + (s.modality() == null ? "" : s.modality())
            + "\t" + s.file().toAbsolutePath() + "\n");
      }
    }
  }

  /** All sources recorded, in the order they were stored. */
  public List<DicomSource> read() throws IOException {
    List<DicomSource> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", 4);
      if (f.length == 4) {
        out.add(new DicomSource(f[0], f[1], f[2].isEmpty() ? null : f[2], Path.of(f[3])));
      }
    }
    return out;
  }
}
