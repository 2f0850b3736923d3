package org.datenraum.ingest.cda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datenraum.core.Fact;
import org.datenraum.privacy.KeyedPseudonymizer;

/** Shared test fixtures: one receiver (the schema compiles once), AKTIN's documents. */
final class Cda {

  static final KeyedPseudonymizer KEY = KeyedPseudonymizer.of(new byte[32]);
  static final CdaImport IMPORT = CdaImport.of(KEY);

  private Cda() {}

  static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(TestData.of("aktin/cda/" + relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String relative) {
    return new String(bytes(relative), java.nio.charset.StandardCharsets.UTF_8);
  }

  static Path path(String relative) {
    return TestData.of("aktin/cda/" + relative);
  }

  static ImportAnswer send(InMemoryVisitStore store, String relative) {
    return IMPORT.receive(relative, bytes(relative), store);
  }

  static List<Fact> facts(InMemoryVisitStore store, String type) {
    return store.facts().stream().filter(f -> f.resourceType().equals(type)).toList();
  }
}
