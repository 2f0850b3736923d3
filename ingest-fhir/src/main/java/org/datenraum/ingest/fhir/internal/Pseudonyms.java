package org.datenraum.ingest.fhir.internal;

import org.datenraum.privacy.KeyedPseudonymizer;
import org.datenraum.privacy.PseudonymDomain;

/**
 * Pseudonymous ids of resources: patients and encounters in their own domains, all other
 * resources in the resource domain keyed by type and id. Immutable and thread-safe.
 */
public final class Pseudonyms {

  private final KeyedPseudonymizer keyed;

  public Pseudonyms(KeyedPseudonymizer keyed) {
    this.keyed = keyed;
  }

  /** The pseudonymous id of the resource {@code type/id}. */
  public String id(String type, String id) {
    return switch (type) {
      case "Patient" -> keyed.pseudonym(PseudonymDomain.PATIENT, id);
      case "Encounter" -> keyed.pseudonym(PseudonymDomain.ENCOUNTER, id);
      default -> keyed.pseudonym(PseudonymDomain.RESOURCE, type + "/" + id);
    };
  }

  /** The pseudonym of a business identifier ({@code system|value}). */
  public String identifier(String system, String value) {
    return keyed.pseudonym(PseudonymDomain.IDENTIFIER, (system == null ? "" : system) + "|" + value);
  }

  /** {@code Type/pseudonym} for an original {@code Type/id}, or null if it has no slash. */
  public String reference(String typeSlashId) {
    int slash = typeSlashId.indexOf('/');
    if (slash <= 0) {
      return null;
    }
    String type = typeSlashId.substring(0, slash);
    return type + "/" + id(type, typeSlashId.substring(slash + 1));
  }
}
