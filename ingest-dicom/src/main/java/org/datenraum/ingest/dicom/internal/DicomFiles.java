package org.datenraum.ingest.dicom.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files a load reads: named files as they are; in directories (recursively, with or without a
 * DICOMDIR) every regular file that is not hidden and not a document by its extension. DICOM
 * files often have no extension at all, so everything else is tried. Sorted by path.
 */
public final class DicomFiles {

  /** Extensions of files beside DICOM files that are not DICOM (readmes, reports, licences). */
  static final Set<String> DOCUMENTS = Set.of("txt", "md", "html", "htm", "pdf", "json", "xml",
      "csv", "tsv", "ini", "log", "jpg", "jpeg", "png", "gif", "exe", "inf", "zip");

  private DicomFiles() {}

  /** The files to read and the number of files skipped in directories. */
  public record Listing(List<Path> files, int skipped) {
    public Listing {
      files = List.copyOf(files);
    }
  }

  public static Listing of(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    int skipped = 0;
    for (Path p : paths) {
      if (!Files.isDirectory(p)) {
        files.add(p);
        continue;
      }
      try (Stream<Path> walk = Files.walk(p)) {
        for (Path f : (Iterable<Path>) walk.sorted()::iterator) {
          if (!Files.isRegularFile(f)) {
            continue;
          }
          if (hidden(p, f) || DOCUMENTS.contains(extension(f))) {
            skipped++;
          } else {
            files.add(f);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Listing(files, skipped);
  }

  private static boolean hidden(Path root, Path f) {
    for (Path part : root.relativize(f)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String extension(Path f) {
    String name = f.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
