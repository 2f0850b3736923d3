package org.datenraum.app.surveillance;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Test helpers to derive a second site from a loaded one without loading everything twice. */
final class SiteCopies {

  private SiteCopies() {}

  /** Copies a site directory (store and secret, so pseudonyms stay the same). */
  static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  /**
   * Writes, per NDJSON file of {@code superset}, the lines that the same file of {@code subset}
   * lacks: the resources a generator run with an outbreak adds to the run without it.
   */
  static Path linesNotIn(Path superset, Path subset, Path out) throws IOException {
    Files.createDirectories(out);
    List<Path> files;
    try (Stream<Path> s = Files.list(superset)) {
      files = s.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
    }
    for (Path f : files) {
      Set<Long> known = hashes(subset.resolve(f.getFileName()));
      try (BufferedWriter w = Files.newBufferedWriter(out.resolve(f.getFileName()),
          StandardCharsets.UTF_8); Stream<String> lines = Files.lines(f)) {
        for (String line : (Iterable<String>) lines::iterator) {
          if (!known.contains(hash(line))) {
            w.write(line);
            w.write('\n');
          }
        }
      }
    }
    return out;
  }

  private static Set<Long> hashes(Path file) throws IOException {
    Set<Long> out = new HashSet<>();
    if (Files.exists(file)) {
      try (Stream<String> lines = Files.lines(file)) {
        lines.forEach(l -> out.add(hash(l)));
      }
    }
    return out;
  }

  /** 64-bit FNV-1a of the line's characters. */
  private static long hash(String line) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < line.length(); i++) {
      h = (h ^ line.charAt(i)) * 0x100000001b3L;
    }
    return h ^ line.length();
  }
}
