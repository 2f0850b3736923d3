package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.datenraum.core.Problem;
import org.datenraum.core.ResourceKey;
import org.datenraum.ingest.fhir.Lookups;

/**
 * The specimens and products of the current load with their patients, so that an aliquot finds
 * its parent specimen and a derived product the patient of the specimen or product it came from.
 * Thread-safe.
 */
final class SampleLinks {

  /** The patient of a product's parents, or why a parent cannot be found (yet). */
  record Parent(String patient, Problem problem) {}

  private final Map<ResourceKey, String> owners = new ConcurrentHashMap<>();
  private final Pseudonyms pseudonyms;
  private final Lookups earlier;

  SampleLinks(Pseudonyms pseudonyms, Lookups earlier) {
    this.pseudonyms = pseudonyms;
    this.earlier = earlier;
  }

  /** Remembers a loaded specimen or product and its patient. */
  void add(String type, String pseudoId, String patient) {
    owners.put(new ResourceKey(type, pseudoId), patient);
  }

  /** A parent specimen that is neither in this load (so far) nor in the store, as a problem. */
  Problem missingSpecimenParent(JsonNode specimen, Map<String, String> fullUrls) {
    for (String ref : SpecimenFacts.parents(specimen)) {
      ResourceKey key = key(ref, fullUrls);
      if (key == null || !key.type().equals("Specimen")
          || !(owners.containsKey(key) || earlier.hasResource(key))) {
        return Problem.notFound("DR-7402", "its `parent` `" + ref + "` is no Specimen in this load"
            + " or the store: load the parent specimen too, or fix the reference.");
      }
    }
    return null;
  }

  /**
   * The patient of a product's parents (Specimens or products of this load or the store): the
   * first parent's, null without parents; a problem when a parent is not found.
   */
  Parent parentOfProduct(JsonNode product, Map<String, String> fullUrls) {
    String patient = null;
    for (String ref : SpecimenFacts.parents(product)) {
      ResourceKey key = key(ref, fullUrls);
      String owner = key == null || !(key.type().equals("Specimen")
          || key.type().equals(ProductFacts.PRODUCT)) ? null : ownerOf(key);
      if (owner == null) {
        return new Parent(null, Problem.notFound("DR-7406", "its `parent` `" + ref + "` is no"
            + " Specimen or BiologicallyDerivedProduct of a patient in this load or the store: load"
            + " the specimen or product it was derived from, or fix the reference."));
      }
      patient = patient == null ? owner : patient;
    }
    return new Parent(patient, null);
  }

  private String ownerOf(ResourceKey key) {
    String owner = owners.get(key);
    return owner != null ? owner : earlier.patientOf(key).orElse(null);
  }

  private ResourceKey key(String ref, Map<String, String> fullUrls) {
    String target = ReferenceTarget.of(ref, fullUrls);
    int slash = target == null ? -1 : target.indexOf('/');
    if (slash < 0) {
      return null;
    }
    String type = target.substring(0, slash);
    return new ResourceKey(type, pseudonyms.id(type, target.substring(slash + 1)));
  }
}
