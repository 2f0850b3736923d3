package org.datenraum.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates {@code shared/testdata} by walking up from the working directory. */
public final class TestData {

  private TestData() {}

  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("testdata");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no shared/testdata above " + Path.of("").toAbsolutePath());
  }

  public static Path ccdl(String relative) {
    return root().resolve("ccdl").resolve(relative);
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isQuery(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile()).has("inclusionCriteria");
    } catch (IOException e) {
      return false;
    }
  }

  /** Every JSON file under ccdl/ that is a CCDL query (an object with {@code inclusionCriteria}). */
  public static List<Path> ccdlQueries() {
    try (Stream<Path> files = Files.walk(ccdl(""))) {
      return files.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> p.toFile().length() < 1_000_000 && isQuery(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
