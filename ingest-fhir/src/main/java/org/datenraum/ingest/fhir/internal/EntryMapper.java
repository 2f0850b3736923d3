package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Problem;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.ingest.fhir.Lookups;
import org.hl7.fhir.r4.model.ResourceType;

/**
 * Maps entries to outcomes. Remembers the patients, identifiers and medications of the current
 * load so that later entries can refer to them. Thread-safe: entries may be mapped in parallel;
 * an entry whose patient or medication is mapped concurrently comes out deferred and is mapped
 * again by the caller.
 */
public final class EntryMapper {

  /** The R4 resource types a record may have (Bundle and Parameters are no records). */
  private static final Set<String> R4_TYPES = java.util.Arrays.stream(ResourceType.values())
      .map(ResourceType::name)
      .filter(t -> !t.equals("Bundle") && !t.equals("Parameters"))
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static final Set<String> MEDICATION_USES =
      Set.of("MedicationAdministration", "MedicationStatement", "MedicationRequest");

  private final ObjectMapper json;
  private final Pseudonyms pseudonyms;
  private final Lookups earlier;
  private final Set<String> patients = ConcurrentHashMap.newKeySet();
  private final Map<String, String> identifiers = new ConcurrentHashMap<>();
  private final Map<String, List<Coding>> medications = new ConcurrentHashMap<>();
  /**
   * Codes of stored Medications found earlier in this load: each is asked of the store once (a
   * day's MedicationAdministrations name the same few hundred Medications thousands of times).
   */
  private final Map<String, List<Coding>> storedMedications = new ConcurrentHashMap<>();
  private final SampleLinks samples;
  private volatile boolean endOfLoad;

  public EntryMapper(ObjectMapper json, Pseudonyms pseudonyms, Lookups earlier) {
    this.json = json;
    this.pseudonyms = pseudonyms;
    this.earlier = earlier;
    this.samples = new SampleLinks(pseudonyms, earlier);
  }

  /**
   * From now on an additive Substance that is still unknown no longer holds its specimen or
   * product back: it loads without the additive's codes.
   */
  public void endOfLoad() {
    endOfLoad = true;
  }

  public Outcome map(RawEntry e) {
    if (e.resource() == null) {
      return delete(e);
    }
    ObjectNode r = e.resource();
    String type = r.path("resourceType").asText(null);
    String id = r.path("id").asText(null);
    if (type == null) {
      return reject(e, null, id, Problem.invalid("DR-1010",
          "record has no `resourceType`: every FHIR resource must name its type."));
    }
    if (!isR4Type(type)) {
      return reject(e, type, id, Problem.invalid("DR-1012", "`" + type
          + "` is not a FHIR R4 resource type: check the spelling or convert the data to R4."));
    }
    if (id == null || id.isBlank()) {
      return reject(e, type, null, Problem.invalid("DR-1013", type
          + " has no `id`: give every resource an id (or a urn:uuid fullUrl in a Bundle)."));
    }
    return type.equals("Patient") ? patient(e, r, id) : other(e, r, type, id);
  }

  private Outcome delete(RawEntry e) {
    String target = ReferenceTarget.of(e.requestUrl(), Map.of());
    if (target == null) {
      return reject(e, null, null, Problem.unsupported("DR-1030", "DELETE `" + e.requestUrl()
          + "` is not of the form `Type/id`: conditional deletes are not supported."));
    }
    int slash = target.indexOf('/');
    String type = target.substring(0, slash);
    return new Outcome.Delete(new ResourceKey(type, pseudonyms.id(type, target.substring(slash + 1))));
  }

  private Outcome patient(RawEntry e, ObjectNode r, String id) {
    String pseudo = pseudonyms.id("Patient", id);
    YearMonth birth = null;
    String birthDate = r.path("birthDate").asText(null);
    if (birthDate != null) {
      try {
        birth = FhirDates.yearMonth(birthDate);
      } catch (RuntimeException ex) {
        return reject(e, "Patient", id, badDate("birthDate", birthDate));
      }
    }
    boolean deceased = r.path("deceasedBoolean").asBoolean(false) || r.has("deceasedDateTime");
    Map<String, String> links = new HashMap<>();
    for (JsonNode ident : r.path("identifier")) {
      String value = ident.path("value").asText(null);
      if (value != null) {
        links.put(pseudonyms.identifier(ident.path("system").asText(null), value), pseudo);
      }
    }
    PatientRecord demographics =
        new PatientRecord(pseudo, birth, Sex.ofCode(r.path("gender").asText(null)), deceased);
    Deidentifier.apply(r, pseudo, ref -> ref);
    patients.add(pseudo);
    identifiers.putAll(links);
    ResourceRecord rec = new ResourceRecord(new ResourceKey("Patient", pseudo), pseudo, null,
        List.of(), write(r), demographics, List.of());
    return new Outcome.Upsert(rec, links);
  }

  private Outcome other(RawEntry e, ObjectNode r, String type, String id) {
    String pseudoId = pseudonyms.id(type, id);
    Problem missing = RequiredElements.check(type, r);
    if (missing != null) {
      return reject(e, type, id, missing);
    }
    if (type.equals("QuestionnaireResponse") && FactExtractor.questionnaire(r).isBlank()) {
      return reject(e, type, id, Problem.invalid("DR-7403", "QuestionnaireResponse has no"
          + " `questionnaire`: its answers cannot be read without the Questionnaire they answer;"
          + " give the Questionnaire's canonical URL at the source."));
    }
    if (type.equals("Specimen")) {
      Problem bad = SpecimenFacts.check(r);
      if (bad != null) {
        return reject(e, type, id, bad);
      }
      Problem orphan = samples.missingSpecimenParent(r, e.fullUrls());
      if (orphan != null) {
        return new Outcome.Defer(e, orphan);
      }
    }
    boolean product = type.equals(ProductFacts.PRODUCT);
    Problem uncoded = product ? ProductFacts.check(r) : null;
    if (uncoded != null) {
      return reject(e, type, id, uncoded);
    }
    PatientLink link = product ? productPatient(r, e.fullUrls()) : patientOf(r, e.fullUrls());
    boolean clinical = FactExtractor.FACT_TYPES.contains(type);
    if (link.unresolved() != null) {
      return new Outcome.Defer(e, link.unresolved());
    }
    if (clinical && link.pseudonym() == null) {
      return reject(e, type, id, product ? PRODUCT_WITHOUT_PATIENT : Problem.invalid("DR-1014",
          type + " has no `subject` or `patient` that references a Patient: a clinical record"
          + " must name its patient."));
    }
    ProductFacts.Additives additives = type.equals("Specimen") || product
        ? ProductFacts.additives(type, r, e.fullUrls(), pseudonyms, this::medication) : null;
    if (additives != null && additives.problem() != null && !endOfLoad) {
      return new Outcome.Defer(e, additives.problem());
    }
    List<Coding> medication = List.of();
    if (MEDICATION_USES.contains(type)) {
      MedicationCodes.Found found = MedicationCodes.of(r, e.fullUrls(), pseudonyms, this::medication);
      if (found.problem() != null) {
        return new Outcome.Defer(e, found.problem());
      }
      medication = found.codes();
    }
    if (type.equals("ResearchSubject")) {
      MedicationCodes.Found study = StudyCodes.ofSubject(r, e.fullUrls(), pseudonyms, this::medication);
      if (study.problem() != null) {
        return new Outcome.Defer(e, study.problem());
      }
      medication = study.codes();
    }
    List<Coding> codes = type.equals("Medication") ? MedicationCodes.ownCodes(r)
        : type.equals("ResearchStudy") ? StudyCodes.ofStudy(r)
        : type.equals("Location") ? MedicationCodes.locationTypes(r)
        : type.equals("Substance") ? ProductFacts.substanceCodes(r) : List.of();
    String encounter = type.equals("Encounter") ? pseudoId : encounterOf(r, e.fullUrls());
    Problem finding = type.equals("Observation") ? ImagingKeys.findingProblem(r) : null;
    if (finding != null) {
      return reject(e, type, id, finding);
    }
    List<org.datenraum.core.Attribute> imaging = type.equals("ImagingStudy")
        ? ImagingKeys.of(r, pseudonyms, pseudoId) : List.of();
    Deidentifier.apply(r, pseudoId, ref -> pseudonymousReference(ref, e.fullUrls()));
    List<Fact> facts;
    try {
      facts = clinical ? FactExtractor.extract(type, r,
          new FactExtractor.Subject(link.pseudonym(), encounter, pseudoId, medication)) : List.of();
      facts = imaging.isEmpty() ? facts : ImagingKeys.attach(facts, imaging);
      facts = additives == null ? facts : ProductFacts.attach(facts, additives.attributes());
    } catch (TimeSpan.BadTime bad) {
      return reject(e, type, id, badDate(bad.element(), bad.value()));
    } catch (ValueReader.BadValue bad) {
      return reject(e, type, id, Problem.invalid("DR-1021", "`" + bad.element()
          + "` does not hold a value of its FHIR type (a number where a number is required):"
          + " correct the value or leave the element out."));
    }
    if (type.equals("Medication") || type.equals("ResearchStudy") || type.equals("Substance")) {
      medications.put(pseudoId, codes);
    }
    if (type.equals("Specimen") || product) {
      samples.add(type, pseudoId, link.pseudonym());
    }
    ResourceRecord rec = new ResourceRecord(new ResourceKey(type, pseudoId), link.pseudonym(),
        encounter, facts, write(r), null, codes);
    return new Outcome.Upsert(rec, Map.of());
  }

  /**
   * The pseudonym of the Patient a reference of an NDJSON line names, when it is in this load or
   * the store now; null when the resource would wait or go to quarantine.
   */
  String patientNow(String reference) {
    PatientLink link = patientByReference(reference, Map.of());
    return link.unresolved() == null ? link.pseudonym() : null;
  }

  /** Whether the Patient with this pseudonym is in this load so far or in the store. */
  boolean knownPatient(String pseudonym) {
    return patients.contains(pseudonym) || earlier.hasPatient(pseudonym);
  }

  /** The codes of a Medication (or study) of this load or the store; empty when unknown. */
  List<Coding> medicationNow(String pseudoId) {
    return medication(pseudoId);
  }

  private List<Coding> medication(String pseudoId) {
    List<Coding> codes = medications.get(pseudoId);
    if (codes == null) {
      codes = storedMedications.get(pseudoId);
    }
    if (codes == null) {
      // asked once per known medication even when two threads need it at once; unknown ones
      // are not kept (they may be loaded later)
      codes = storedMedications.computeIfAbsent(pseudoId, id -> {
        List<Coding> stored = earlier.medicationCodes(id);
        return stored.isEmpty() ? null : stored;
      });
    }
    return codes == null ? List.of() : codes;
  }

  /** The patient a resource belongs to: a pseudonym, none, or a problem if it cannot be found yet. */
  private record PatientLink(String pseudonym, Problem unresolved) {}

  private static final Problem PRODUCT_WITHOUT_PATIENT = Problem.invalid("DR-7408",
      "BiologicallyDerivedProduct names no patient: neither its `collection.source` references a"
          + " Patient nor its `parent` a Specimen or product of one; give either at the source.");

  /**
   * A product's patient: its {@code collection.source} when that is a Patient, else the patient
   * of the Specimen or product it was derived from ({@code parent}); every parent must be found.
   */
  private PatientLink productPatient(ObjectNode r, Map<String, String> fullUrls) {
    SampleLinks.Parent parent = samples.parentOfProduct(r, fullUrls);
    if (parent.problem() != null) {
      return new PatientLink(null, parent.problem());
    }
    String source = ProductFacts.sourceReference(r);
    if (source != null) {
      PatientLink own = patientByReference(source, fullUrls);
      if (own.pseudonym() != null || own.unresolved() != null) {
        return own;
      }
    }
    return new PatientLink(parent.patient(), null);
  }

  private PatientLink patientOf(ObjectNode r, Map<String, String> fullUrls) {
    JsonNode ref = r.path("subject").path("reference");
    if (ref.isMissingNode()) {
      ref = r.path("patient").path("reference");
    }
    if (ref.isMissingNode()) {
      ref = r.path("individual").path("reference");
    }
    if (ref.isMissingNode() || !ref.isTextual()) {
      return new PatientLink(null, null);
    }
    return patientByReference(ref.asText(), fullUrls);
  }

  private PatientLink patientByReference(String reference, Map<String, String> fullUrls) {
    String identifier = ReferenceTarget.conditionalIdentifier(reference, "Patient");
    if (identifier != null) {
      String p = patientByIdentifier(identifier);
      return p != null ? new PatientLink(p, null) : new PatientLink(null, Problem.notFound(
          "DR-1016", "the conditional reference `Patient?identifier=...` matches no Patient in"
              + " this load or the store: load the Patient first or reference it by id."));
    }
    String target = ReferenceTarget.of(reference, fullUrls);
    if (target == null || !target.startsWith("Patient/")) {
      return reference.startsWith("urn:") ? new PatientLink(null, danglingUrn(reference))
          : new PatientLink(null, null);
    }
    String pseudo = pseudonyms.reference(target).substring("Patient/".length());
    if (knownPatient(pseudo)) {
      return new PatientLink(pseudo, null);
    }
    return new PatientLink(null, Problem.notFound("DR-1015", "its `subject`/`patient` references"
        + " a Patient that is neither in this load nor in the store: load that Patient, or fix"
        + " the reference."));
  }

  private static Problem danglingUrn(String reference) {
    return Problem.notFound("DR-1017", "references `" + reference
        + "`, which is no fullUrl of the Bundle: include the Patient in the Bundle.");
  }

  private String patientByIdentifier(String identifier) {
    int bar = identifier.indexOf('|');
    String key = bar < 0 ? pseudonyms.identifier(null, identifier)
        : pseudonyms.identifier(identifier.substring(0, bar), identifier.substring(bar + 1));
    String p = identifiers.get(key);
    return p != null ? p : earlier.patientByIdentifier(key).orElse(null);
  }

  private String encounterOf(ObjectNode r, Map<String, String> fullUrls) {
    JsonNode ref = r.path("encounter").path("reference");
    if (ref.isMissingNode()) {
      ref = r.path("context").path("reference");
    }
    String target = ReferenceTarget.of(ref.asText(null), fullUrls);
    return target != null && target.startsWith("Encounter/")
        ? pseudonyms.id("Encounter", target.substring("Encounter/".length())) : null;
  }

  /** The pseudonymous form of a reference; null (removed) when it has none. */
  String pseudonymousReference(String ref, Map<String, String> fullUrls) {
    String target = ReferenceTarget.of(ref, fullUrls);
    if (target != null) {
      return pseudonyms.reference(target);
    }
    String identifier = ReferenceTarget.conditionalIdentifier(ref, "Patient");
    if (identifier != null) {
      String p = patientByIdentifier(identifier);
      return p == null ? null : "Patient/" + p;
    }
    return null;
  }

  private byte[] write(ObjectNode r) {
    try {
      return json.writeValueAsBytes(r);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("a parsed JSON tree could not be written", ex);
    }
  }

  private static Problem badDate(String element, String value) {
    return Problem.invalid("DR-1020", "`" + element + "` value `" + value
        + "` is not a FHIR date or dateTime: use YYYY, YYYY-MM, YYYY-MM-DD or"
        + " YYYY-MM-DDThh:mm:ss with a time zone.");
  }

  private static Outcome reject(RawEntry e, String type, String id, Problem p) {
    return new Outcome.Reject(new QuarantineEntry(e.file(), e.location(), type, id, p));
  }

  private static boolean isR4Type(String type) {
    return R4_TYPES.contains(type);
  }
}
