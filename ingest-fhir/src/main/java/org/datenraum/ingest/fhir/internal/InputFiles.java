package org.datenraum.ingest.fhir.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/** Finds the input files below the given paths and opens them, decompressing where needed. */
public final class InputFiles {

  /** How a file's content is laid out. */
  public enum Format { NDJSON, JSON, XML }

  private InputFiles() {}

  /**
   * Every regular file below the paths, in load order: Patient files first, then Medication files
   * (so that references to them resolve on the first pass), then the rest by path.
   */
  public static List<Path> expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).filter(f -> !isHidden(f)).filter(InputFiles::looksLikeFhir)
              .sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        files.add(p);
      }
    }
    files.sort(Comparator.comparingInt(InputFiles::rank));
    return files;
  }

  /** Inside a directory, only files named like FHIR content are read; named files always are. */
  private static boolean looksLikeFhir(Path f) {
    String name = f.getFileName().toString().toLowerCase(Locale.ROOT)
        .replaceAll("\\.(gz|gzip|bz2|bzip2)$", "");
    return name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl")
        || name.endsWith(".xml");
  }

  private static boolean isHidden(Path f) {
    return f.getFileName().toString().startsWith(".");
  }

  private static int rank(Path f) {
    String name = f.getFileName().toString();
    if (name.startsWith("Patient")) {
      return 0;
    }
    return name.startsWith("Medication.") || name.startsWith("Medication-") ? 1 : 2;
  }

  /** Opens the file, transparently decompressing gzip and bzip2 (detected by magic bytes). */
  public static InputStream open(Path file) throws IOException {
    return open(file, new ReadPosition());
  }

  /** Opens the file as {@link #open(Path)} does, counting what is read into {@code position}. */
  static InputStream open(Path file, ReadPosition position) throws IOException {
    return position.countingContent(decompressed(
        new BufferedInputStream(position.countingFile(Files.newInputStream(file)), 1 << 16)));
  }

  private static InputStream decompressed(InputStream in) throws IOException {
    in.mark(4);
    int b0 = in.read();
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    if (b0 == 'B' && b1 == 'Z' && b2 == 'h') {
      return new BufferedInputStream(new BZip2CompressorInputStream(in, true), 1 << 16);
    }
    return in;
  }

  /** The layout of a file, from its name, or from its first character where the name is silent. */
  public static Format format(Path file, InputStream opened) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT)
        .replaceAll("\\.(gz|gzip|bz2|bzip2)$", "");
    if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
      return Format.NDJSON;
    }
    if (name.endsWith(".xml")) {
      return Format.XML;
    }
    opened.mark(1 << 12);
    int c;
    do {
      c = opened.read();
    } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
    opened.reset();
    return c == '<' ? Format.XML : Format.JSON;
  }
}
