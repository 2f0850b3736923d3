package org.datenraum.ingest.fhir.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.datenraum.privacy.PseudonymDomain;

/**
 * Pseudonymous ids of resources: patients and encounters in their own domains, all other
 * resources in the resource domain keyed by type and id. Thread-safe.
 */
public final class Pseudonyms {

  /** Patients and encounters are referenced again and again; their pseudonyms are remembered. */
  private static final int CACHE_LIMIT = 200_000;

  private final KeyedPseudonymizer keyed;
  private final Map<String, String> patients = new ConcurrentHashMap<>();
  private final Map<String, String> encounters = new ConcurrentHashMap<>();
  private final Map<String, String> referenced = new ConcurrentHashMap<>();

  public Pseudonyms(KeyedPseudonymizer keyed) {
    this.keyed = keyed;
  }

  /** The pseudonymous id of the resource {@code type/id}. */
  public String id(String type, String id) {
    return switch (type) {
      case "Patient" -> cached(patients, PseudonymDomain.PATIENT, id);
      case "Encounter" -> cached(encounters, PseudonymDomain.ENCOUNTER, id);
      default -> keyed.pseudonym(PseudonymDomain.RESOURCE, type + "/" + id);
    };
  }

  private String cached(Map<String, String> cache, PseudonymDomain domain, String id) {
    String p = cache.get(id);
    if (p == null) {
      if (cache.size() >= CACHE_LIMIT) {
        cache.clear();
      }
      p = keyed.pseudonym(domain, id);
      cache.put(id, p);
    }
    return p;
  }

  /** The pseudonym of a business identifier ({@code system|value}). */
  public String identifier(String system, String value) {
    return keyed.pseudonym(PseudonymDomain.IDENTIFIER, (system == null ? "" : system) + "|" + value);
  }

  /**
   * {@code Type/pseudonym} for an original {@code Type/id}, or null if it has no slash. Remembered:
   * the same targets (patients, encounters, medications, organisations) are referenced again and
   * again.
   */
  public String reference(String typeSlashId) {
    String known = referenced.get(typeSlashId);
    if (known != null) {
      return known;
    }
    int slash = typeSlashId.indexOf('/');
    if (slash <= 0) {
      return null;
    }
    String type = typeSlashId.substring(0, slash);
    String pseudonymous = type + "/" + id(type, typeSlashId.substring(slash + 1));
    if (referenced.size() >= CACHE_LIMIT) {
      referenced.clear();
    }
    referenced.put(typeSlashId, pseudonymous);
    return pseudonymous;
  }
}
