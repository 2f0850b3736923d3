package org.datenraum.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.WriteBatch;
import org.datenraum.store.quality.DataQuality;
import org.datenraum.store.quality.QualityReport;

/**
 * The research store of one site: pseudonymised patients, their resources and facts, and the
 * quarantine of rejected records. A single writer appends {@link WriteBatch}es, each atomically.
 */
public interface SiteStore extends AutoCloseable {

  /** Writes the batch atomically: after a crash it is either wholly in the store or not at all. */
  void write(WriteBatch batch);

  /** Whether a Patient resource with this pseudonym is stored. */
  boolean hasPatient(String pseudonym);

  /** The patient pseudonym linked to an identifier pseudonym, if any. */
  Optional<String> patientByIdentifier(String identifierPseudonym);

  /** The codes of a stored Medication, empty if it is unknown. */
  List<Coding> medicationCodes(String medicationId);

  /** Counts of what is stored. */
  SiteStats stats();

  /** All stored patients, for evaluation and extracts. */
  Stream<PatientRecord> patients();

  /** All stored facts, for evaluation and extracts. */
  Stream<Fact> facts();

  /**
   * The stored patients among these pseudonyms (unknown ones are left out). The default reads
   * {@link #patients()}; a store with an index should do better.
   */
  default Stream<PatientRecord> patients(Set<String> pseudonyms) {
    return patients().filter(p -> pseudonyms.contains(p.pseudonym()));
  }

  /**
   * The stored facts with this code of these patients. The default reads {@link #facts()}; a
   * store with an index should do better.
   */
  default Stream<Fact> facts(Coding code, Set<String> patients) {
    return facts().filter(f -> f.code().equals(code) && patients.contains(f.patient()));
  }

  /**
   * Every fact of the encounters that have a fact of this resource type and code starting at or
   * after {@code from} and before {@code to}, whatever the times of their other facts (e.g. the
   * emergency visits admitted in a month with all they hold). The default reads {@link #facts()};
   * a store with a database should do better.
   */
  default Stream<Fact> factsOfEncountersStarting(String resourceType, Coding code, Instant from, Instant to) {
    List<Fact> all = facts().toList();
    Set<String> wanted = new HashSet<>();
    for (Fact f : all) {
      if (f.encounter() != null && f.resourceType().equals(resourceType) && f.code().equals(code)
          && f.start() != null && !f.start().isBefore(from) && f.start().isBefore(to)) {
        wanted.add(f.encounter());
      }
    }
    return all.stream().filter(f -> f.encounter() != null && wanted.contains(f.encounter()));
  }

  /**
   * The stored facts of one resource type (e.g. every Specimen's). The default reads
   * {@link #facts()}; a store with a database should do better.
   */
  default Stream<Fact> factsOfType(String resourceType) {
    return facts().filter(f -> f.resourceType().equals(resourceType));
  }

  /**
   * The store's data quality, measured now. The default is one pass over {@link #facts()}
   * ({@link DataQuality#measure}); a store with a database should count there, with the same result.
   */
  default QualityReport quality(Set<String> knownSystems, Instant now) {
    return DataQuality.measure(this, knownSystems, now);
  }

  /** The de-identified JSON of a stored resource. */
  Optional<String> resourceJson(org.datenraum.core.ResourceKey key);

  /**
   * The de-identified JSON of those of these resources that are stored, by key. The default
   * asks {@link #resourceJson(org.datenraum.core.ResourceKey)} per key; a database should read
   * them at once.
   */
  default Map<org.datenraum.core.ResourceKey, String> resourceJson(Set<org.datenraum.core.ResourceKey> keys) {
    Map<org.datenraum.core.ResourceKey, String> out = new HashMap<>();
    keys.forEach(k -> resourceJson(k).ifPresent(j -> out.put(k, j)));
    return out;
  }

  /**
   * The patient pseudonyms linked to those of these identifier pseudonyms that are linked, by
   * identifier. The default asks {@link #patientByIdentifier(String)} per identifier.
   */
  default Map<String, String> patientsByIdentifier(Set<String> identifierPseudonyms) {
    Map<String, String> out = new HashMap<>();
    identifierPseudonyms.forEach(i -> patientByIdentifier(i).ifPresent(p -> out.put(i, p)));
    return out;
  }

  /** All quarantined records, oldest first. */
  List<QuarantineEntry> quarantine();

  @Override
  void close();
}
