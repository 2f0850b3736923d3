package org.datenraum.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File operations on the directories the demo owns. */
public final class DemoFiles {

  private DemoFiles() {}

  /** Removes a directory the demo created, with everything in it; nothing if it does not exist. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir + ": remove it by hand or pick another --dir", e);
    }
  }
}
