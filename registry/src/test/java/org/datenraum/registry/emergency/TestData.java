package org.datenraum.registry.emergency;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/testdata} beside the repository, walking up from the working directory. */
final class TestData {

  private TestData() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared").resolve("testdata");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("shared/testdata not found above " + Path.of("").toAbsolutePath());
  }

  static Path of(String relative) {
    return root().resolve(relative);
  }
}
