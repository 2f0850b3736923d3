package org.datenraum.ingest.fhir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.datenraum.store.InMemorySiteStore;
import org.datenraum.store.SiteStore;

/** Loads test inputs into an in-memory site store through the real ingest. */
final class Loads {

  static final byte[] SECRET = new byte[32];

  static {
    Arrays.fill(SECRET, (byte) 7);
  }

  private Loads() {}

  static KeyedPseudonymizer pseudonymizer() {
    return KeyedPseudonymizer.of(SECRET);
  }

  static IngestReport load(SiteStore store, Path... paths) {
    return FhirIngest.of(pseudonymizer()).load(List.of(paths), new StoreView(store), store::write,
        IngestProgress.none());
  }

  static InMemorySiteStore fresh() {
    return new InMemorySiteStore();
  }

  /** The store as the ingest sees it; a test may override a look-up to watch it. */
  static class StoreView implements Lookups {
    private final SiteStore store;

    StoreView(SiteStore store) {
      this.store = store;
    }

    @Override
    public boolean hasPatient(String pseudonym) {
      return store.hasPatient(pseudonym);
    }

    @Override
    public java.util.Optional<String> patientByIdentifier(String identifierPseudonym) {
      return store.patientByIdentifier(identifierPseudonym);
    }

    @Override
    public List<org.datenraum.core.Coding> medicationCodes(String medicationId) {
      return store.medicationCodes(medicationId);
    }

    @Override
    public boolean hasResource(org.datenraum.core.ResourceKey key) {
      return store.resourceJson(key).isPresent();
    }

    @Override
    public java.util.Optional<String> patientOf(org.datenraum.core.ResourceKey key) {
      return store.resourceJson(key).flatMap(org.datenraum.ingest.fhir.StoredPatient::of);
    }
  }
}
