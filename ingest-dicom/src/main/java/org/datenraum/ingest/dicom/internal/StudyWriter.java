package org.datenraum.ingest.dicom.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.ImagingCodes;
import org.datenraum.core.Problem;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;
import org.datenraum.ingest.dicom.DicomLookups;
import org.datenraum.ingest.dicom.DicomSource;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.datenraum.privacy.PseudonymDomain;

/**
 * Turns instances into the records of their studies: merges each instance into its study's
 * document (the one stored, or one made in this load), makes the patient when the store does not
 * know it, and a report's measurements into an Observation. Not thread-safe.
 */
public final class StudyWriter {

  private final KeyedPseudonymizer keyed;
  private final DicomLookups lookups;
  private final String patientIdSystem;
  private final Map<String, StudyDocument> documents = new HashMap<>();
  private final Set<String> dirty = new LinkedHashSet<>();
  private final Set<String> patients = new HashSet<>();
  private final List<ResourceRecord> pending = new ArrayList<>();
  private final List<QuarantineEntry> problems = new ArrayList<>();
  private final Set<String> studies = new HashSet<>();
  private final Set<String> series = new HashSet<>();
  private final List<org.datenraum.ingest.dicom.DicomSource> sources = new ArrayList<>();
  private int instances;

  public StudyWriter(KeyedPseudonymizer keyed, DicomLookups lookups, String patientIdSystem) {
    this.keyed = keyed;
    this.lookups = lookups;
    this.patientIdSystem = patientIdSystem;
  }

  /** The pseudonymous key of a DICOM UID, as FHIR's identifier {@code urn:dicom:uid|urn:oid:UID}. */
  public static String uidKey(KeyedPseudonymizer keyed, String uid) {
    return keyed.pseudonym(PseudonymDomain.IDENTIFIER, ImagingCodes.DICOM_UID + "|urn:oid:" + uid);
  }

  /** The resource id of the study document of a Study Instance UID. */
  public static String studyId(KeyedPseudonymizer keyed, String studyUid) {
    return keyed.pseudonym(PseudonymDomain.RESOURCE, "ImagingStudy/urn:oid:" + studyUid);
  }

  public void add(Instance i, Path file) {
    String patient = patient(i, file);
    if (patient == null) {
      return;
    }
    String id = studyId(keyed, i.uids().study());
    String studyKey = uidKey(keyed, i.uids().study());
    StudyDocument doc = documents.computeIfAbsent(id, k -> lookups
        .resourceJson(new ResourceKey("ImagingStudy", k))
        .map(j -> StudyDocument.parse(j.getBytes(StandardCharsets.UTF_8)))
        .orElseGet(() -> StudyDocument.create(k, patient, studyKey)));
    if (!doc.patient().equals(patient)) {
      problems.add(entry(file, Problem.invalid("DR-7509", "the study of this file belongs to"
          + " another patient than its Patient ID says: correct the Patient ID or the Study"
          + " Instance UID at the source.")));
      return;
    }
    String seriesKey = uidKey(keyed, i.uids().series());
    String instanceKey = uidKey(keyed, i.uids().instance());
    SeriesFields fields = SeriesFields.of(i);
    if (!doc.add(seriesKey, instanceKey, i.uids().sopClass(), fields)) {
      return;
    }
    dirty.add(id);
    studies.add(id);
    series.add(seriesKey);
    instances++;
    sources.add(new DicomSource(id, seriesKey, i.acquisition().modality(), file));
    if (!i.segments().isEmpty()) {
      doc.addSegments(seriesKey, segments(i));
    }
    if (!i.measurements().isEmpty()) {
      report(i, file, patient, studyKey, seriesKey);
    }
  }

  private void report(Instance i, Path file, String patient, String studyKey, String seriesKey) {
    String id = keyed.pseudonym(PseudonymDomain.RESOURCE, "Observation/urn:oid:" + i.uids().instance());
    ReportFacts.Built built = ReportFacts.of(i.measurements(), patient, id,
        i.acquisition().studyTime(), studyKey, seriesKey);
    for (String bad : built.invalid()) {
      problems.add(entry(file, Problem.invalid("DR-7510", "the structured finding " + bad
          + " is outside its scale (CO-RADS 0-6, CT severity score 0-25, RSNA typical,"
          + " indeterminate, atypical or negative): it was left out; correct the report.")));
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("resourceType", "Observation").put("id", id).put("status", "final");
    json.putObject("subject").put("reference", "Patient/" + patient);
    json.put("study", studyKey).put("series", seriesKey).put("measurements", built.facts().size());
    pending.add(new ResourceRecord(new ResourceKey("Observation", id), patient, null, built.facts(),
        json.toString(), null, List.of()));
  }

  private static ArrayNode segments(Instance i) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Segment s : i.segments()) {
      ObjectNode o = out.addObject();
      o.put("number", s.number());
      String label = FreeText.kept(s.label(), i.nameWords());
      if (label != null) {
        o.put("label", label);
      }
      if (s.category() != null) {
        o.putObject("category").put("system", s.category().system()).put("code", s.category().code());
      }
      if (s.type() != null) {
        o.putObject("type").put("system", s.type().system()).put("code", s.type().code());
      }
      o.put("algorithmType", s.algorithmType());
      String name = FreeText.kept(s.algorithmName(), i.nameWords());
      if (name != null) {
        o.put("algorithmName", name);
      }
    }
    return out;
  }

  private String patient(Instance i, Path file) {
    String id = i.subject().patientId();
    if (patientIdSystem != null) {
      String ident = keyed.pseudonym(PseudonymDomain.IDENTIFIER, patientIdSystem + "|" + id);
      String p = lookups.patientByIdentifier(ident).orElse(null);
      if (p == null) {
        problems.add(entry(file, Problem.notFound("DR-7508", "no patient of the store has the"
            + " file's Patient ID under the identifier system `" + patientIdSystem + "`: load the"
            + " patient's FHIR data first, or give the right --patient-id-system.")));
      }
      return p;
    }
    String p = keyed.pseudonym(PseudonymDomain.PATIENT, id);
    if (!patients.contains(p) && !lookups.hasPatient(p)) {
      pending.add(PatientFromDicom.record(p, i.subject()));
    }
    patients.add(p);
    return p;
  }

  private static QuarantineEntry entry(Path file, Problem p) {
    return new QuarantineEntry(file.toString(), "file", null, null, p);
  }

  /** The problems found since the last flush (they go into the flushed batch). */
  public List<QuarantineEntry> problems() {
    return List.copyOf(problems);
  }

  /** The batch of everything added since the last flush, with the quarantine entries given. */
  public WriteBatch flush(List<QuarantineEntry> quarantine) {
    List<ResourceRecord> upserts = new ArrayList<>(pending);
    for (String id : dirty) {
      StudyDocument doc = documents.get(id);
      upserts.add(new ResourceRecord(new ResourceKey("ImagingStudy", id), doc.patient(), null,
          StudyFacts.of(doc), doc.bytes(), null, List.of()));
    }
    pending.clear();
    dirty.clear();
    problems.clear();
    return new WriteBatch(upserts, List.of(), Map.of(), quarantine);
  }

  public int studies() {
    return studies.size();
  }

  public int series() {
    return series.size();
  }

  public int instances() {
    return instances;
  }

  public List<DicomSource> sources() {
    return List.copyOf(sources);
  }
}
