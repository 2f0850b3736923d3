package org.datenraum.ingest.fhir.internal;

import java.util.Map;
import java.util.Set;

/**
 * The de-identification table (docs/ingest.md, "De-identification"): the FHIR types removed
 * wherever they occur, and per resource type or element the elements removed or kept against
 * that rule. Elements are named {@code Owner.element}, the owner being a resource type, a
 * backbone element by its path ({@code Observation.component}) or a datatype.
 */
final class DeidentificationRules {

  /**
   * Removed in every resource type: the narrative, identifiers, names, telecom, addresses,
   * photos and other attachments, notes, signatures, contained resources, and free text.
   */
  static final Set<String> DROPPED_TYPES = Set.of("Narrative", "xhtml", "Identifier",
      "HumanName", "ContactPoint", "Address", "Attachment", "Annotation", "Signature",
      "ContactDetail", "string", "markdown", "base64Binary", "Resource");

  /** Elements removed although their type is kept. */
  private static final Set<String> DROPPED = Set.of(
      "Meta.versionId", "Meta.lastUpdated", "Meta.source",
      "Person.birthDate", "RelatedPerson.birthDate", "Practitioner.birthDate",
      "Location.position",
      "ImagingStudy.series.uid", "ImagingStudy.series.instance.uid",
      "Extension.valueId", "Extension.valueOid", "Extension.valueUuid",
      "QuestionnaireResponse.item.answer.valueDate",
      "QuestionnaireResponse.item.answer.valueDateTime",
      "QuestionnaireResponse.item.answer.valueTime",
      "QuestionnaireResponse.item.answer.valueUri");

  /** Strings the fact contract needs (docs/facts.md), kept although their type is dropped. */
  private static final Set<String> KEPT = Set.of(
      "Quantity.unit", "Age.unit", "Duration.unit", "Count.unit", "Distance.unit",
      "SimpleQuantity.unit", "MoneyQuantity.unit",
      "Observation.valueString", "Observation.component.valueString",
      "QuestionnaireResponse.item.linkId", "ResearchSubject.assignedArm", "ResearchSubject.actualArm");

  /** Elements whose CodeableConcept keeps its {@code text}: a fact's text-only value. */
  private static final Map<String, String> KEEPING_TEXT = Map.of(
      "Observation.valueCodeableConcept", "text",
      "Observation.component.valueCodeableConcept", "text");

  /** The elements a Patient keeps (birth and death then reduced to year and month). */
  static final Set<String> PATIENT_KEEPS = Set.of("resourceType", "id", "meta", "gender",
      "birthDate", "deceasedBoolean", "deceasedDateTime");

  private DeidentificationRules() {}

  /**
   * The rule for one element when it differs from its type's: an {@link ElementShapes.Action},
   * the name of a child its composite keeps against the rules, or null.
   */
  static Object element(String owner, String name) {
    String key = owner + "." + name;
    if (key.equals("Reference.reference")) {
      return ElementShapes.Action.REFERENCE;
    }
    if (DROPPED.contains(key)) {
      return ElementShapes.Action.DROP;
    }
    if (KEPT.contains(key)) {
      return ElementShapes.Action.KEEP;
    }
    return KEEPING_TEXT.get(key);
  }
}
