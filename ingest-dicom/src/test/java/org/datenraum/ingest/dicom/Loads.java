package org.datenraum.ingest.dicom;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.datenraum.core.ResourceKey;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.datenraum.store.InMemorySiteStore;

/** Loads DICOM into an in-memory store, as the command does into DuckDB. */
final class Loads {

  static final KeyedPseudonymizer KEYED = KeyedPseudonymizer.of(new byte[32]);

  private Loads() {}

  static DicomReport load(InMemorySiteStore store, Path... paths) {
    return DicomIngest.of(KEYED, lookups(store), DicomIngest.Config.direct())
        .load(List.of(paths), store::write, (done, total) -> { });
  }

  static DicomLookups lookups(InMemorySiteStore store) {
    return new DicomLookups() {
      @Override
      public boolean hasPatient(String pseudonym) {
        return store.hasPatient(pseudonym);
      }

      @Override
      public Optional<String> patientByIdentifier(String identifierPseudonym) {
        return store.patientByIdentifier(identifierPseudonym);
      }

      @Override
      public Optional<String> resourceJson(ResourceKey key) {
        return store.resourceJson(key);
      }
    };
  }
}
