package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;

/**
 * Flattens a de-identified resource into {@link Fact}s, one per code (and per component of an
 * Observation). The mapping per type is written down in {@code docs/ingest.md}.
 */
public final class FactExtractor {

  /** The resource types that yield facts. */
  public static final Set<String> FACT_TYPES = Set.of("Condition", "Observation", "Procedure",
      "MedicationAdministration", "MedicationStatement", "MedicationRequest", "Specimen",
      "Consent", "Encounter", "DiagnosticReport", "ImagingStudy", "QuestionnaireResponse",
      "ResearchSubject", "BiologicallyDerivedProduct");

  private static final Coding PERMIT =
      new Coding("http://hl7.org/fhir/consent-provision-type", "permit");

  /**
   * Who and what a resource's facts belong to; {@code medication} holds the codes resolved from the
   * resource it refers to (its Medication's, or a ResearchSubject's study's).
   */
  public record Subject(String patient, String encounter, String resourceId,
      List<Coding> medication) {
    public Subject {
      java.util.Objects.requireNonNull(patient, "patient");
      medication = List.copyOf(medication);
    }
  }

  private FactExtractor() {}

  public static List<Fact> extract(String type, JsonNode r, Subject s)
      throws TimeSpan.BadTime, ValueReader.BadValue {
    List<Attribute> attrs = switch (type) {
      case "Specimen" -> withDerived(AttributeWalker.of(r), SpecimenFacts.storageTemperature(r));
      case "ResearchSubject" -> withDerived(AttributeWalker.of(r), StudyCodes.arms(r));
      case "BiologicallyDerivedProduct" ->
          withDerived(AttributeWalker.of(r), ProductFacts.storageTemperature(r));
      default -> List.copyOf(AttributeWalker.of(r));
    };
    String status = r.path("status").asText(null);
    Out out = new Out(type, s, status, attrs);
    switch (type) {
      case "Condition" -> {
        out.codes(r.path("code"), TimeSpan.first(r, "onset", "recordedDate"), List.of());
      }
      case "Observation" -> observation(r, out);
      case "Procedure" -> out.codes(r.path("code"), TimeSpan.of(r, "performed"),
          ValueReader.duration(r.path("performedPeriod")));
      case "MedicationAdministration" -> out.each(s.medication(), TimeSpan.first(r, "effective",
          "dateAsserted"), ValueReader.rate(r.path("dosage")));
      case "MedicationStatement" ->
          out.each(s.medication(), TimeSpan.first(r, "effective", "dateAsserted"), List.of());
      case "MedicationRequest" -> out.each(s.medication(), TimeSpan.of(r, "authoredOn"), List.of());
      case "Specimen" -> out.each(SpecimenFacts.types(r),
          TimeSpan.first(r.path("collection"), "collected").isEmpty()
              ? TimeSpan.of(r, "receivedTime") : TimeSpan.first(r.path("collection"), "collected"),
          SpecimenFacts.remaining(r));
      case "Consent" -> consent(r, out);
      case "Encounter" -> {
        TimeSpan period = TimeSpan.of(r, "period");
        out.coding(r.path("class"), period, List.of());
        for (JsonNode t : r.path("type")) {
          out.codes(t, period, List.of());
        }
        locations(r, period, out);
      }
      case "DiagnosticReport" -> out.codes(r.path("code"), TimeSpan.of(r, "issued"), List.of());
      case "ImagingStudy" -> imaging(r, out);
      case "ResearchSubject" -> out.each(s.medication(), TimeSpan.of(r, "period"), List.of());
      case "BiologicallyDerivedProduct" -> out.each(ProductFacts.codes(r),
          TimeSpan.first(r.path("collection"), "collected"), ProductFacts.quantity(r));
      case "QuestionnaireResponse" -> answers(r.path("item"), questionnaire(r),
          TimeSpan.of(r, "authored"), out);
      default -> { }
    }
    return out.facts;
  }

  private static List<Attribute> withDerived(List<Attribute> walked, List<Attribute> derived) {
    if (derived.isEmpty()) {
      return List.copyOf(walked);
    }
    List<Attribute> all = new ArrayList<>(walked);
    all.addAll(derived);
    all.sort(AttributeWalker.ORDER);
    return List.copyOf(all);
  }

  /**
   * One fact per {@code location} entry that references a Location: coded with the reference,
   * timed by the entry's {@code period}, else the encounter's.
   */
  private static void locations(JsonNode r, TimeSpan period, Out out) throws TimeSpan.BadTime {
    for (JsonNode entry : r.path("location")) {
      String ref = entry.path("location").path("reference").asText("");
      if (ref.startsWith("Location/")) {
        TimeSpan at = entry.has("period")
            ? TimeSpan.period("location.period", entry.path("period")) : period;
        out.each(List.of(new Coding(AttributeWalker.REFERENCE_SYSTEM, ref)), at, List.of());
      }
    }
  }

  private static void observation(JsonNode r, Out out) throws TimeSpan.BadTime, ValueReader.BadValue {
    TimeSpan time = TimeSpan.first(r, "effective", "issued");
    out.codes(r.path("code"), time, ValueReader.of(r));
    for (JsonNode component : r.path("component")) {
      out.codes(component.path("code"), time, ValueReader.of(component));
    }
  }

  private static void consent(JsonNode r, Out out) throws TimeSpan.BadTime {
    TimeSpan when = TimeSpan.of(r, "dateTime");
    JsonNode top = r.path("provision");
    provisions(top, when, out);
    if (out.facts.isEmpty()) {
      String type = top.path("type").asText(null);
      FactValue v = type == null ? null : new FactValue.Coded(
          new Coding(PERMIT.system(), type));
      for (JsonNode c : r.path("category")) {
        out.codes(c, when, v == null ? List.of() : List.of(v));
      }
    }
  }

  private static void provisions(JsonNode p, TimeSpan inherited, Out out) throws TimeSpan.BadTime {
    if (p.isMissingNode()) {
      return;
    }
    TimeSpan time = p.has("period") ? TimeSpan.period("provision.period", p.path("period")) : inherited;
    String type = p.path("type").asText(null);
    List<FactValue> value = type == null ? List.of()
        : List.of(new FactValue.Coded(new Coding(PERMIT.system(), type)));
    for (JsonNode c : p.path("code")) {
      out.codes(c, time, value);
    }
    for (JsonNode nested : p.path("provision")) {
      provisions(nested, time, out);
    }
  }

  /** The questionnaire a response answers: its canonical URL without a version. */
  static String questionnaire(JsonNode r) {
    String url = r.path("questionnaire").asText("");
    int bar = url.indexOf('|');
    return bar < 0 ? url : url.substring(0, bar);
  }

  /** One fact per answer, coded (questionnaire URL, linkId), nested items included. */
  private static void answers(JsonNode items, String questionnaire, TimeSpan authored, Out out)
      throws ValueReader.BadValue {
    for (JsonNode item : items) {
      String linkId = item.path("linkId").asText(null);
      for (JsonNode answer : item.path("answer")) {
        if (linkId != null) {
          out.each(List.of(new Coding(questionnaire, linkId)), authored, ValueReader.of(answer));
        }
        answers(answer.path("item"), questionnaire, authored, out);
      }
      answers(item.path("item"), questionnaire, authored, out);
    }
  }

  private static void imaging(JsonNode r, Out out) throws TimeSpan.BadTime {
    TimeSpan started = TimeSpan.of(r, "started");
    for (JsonNode m : r.path("modality")) {
      out.coding(m, started, List.of());
    }
    for (JsonNode series : r.path("series")) {
      out.coding(series.path("modality"), started, List.of());
    }
    for (JsonNode pc : r.path("procedureCode")) {
      out.codes(pc, started, List.of());
    }
  }

  /** Collects the facts of one resource. */
  private static final class Out {
    final String type;
    final Subject s;
    final String status;
    final List<Attribute> attrs;
    final List<Fact> facts = new ArrayList<>();

    Out(String type, Subject s, String status, List<Attribute> attrs) {
      this.type = type;
      this.s = s;
      this.status = status;
      this.attrs = attrs;
    }

    void codes(JsonNode concept, TimeSpan t, List<FactValue> values) {
      for (JsonNode c : concept.path("coding")) {
        coding(c, t, values);
      }
    }

    void coding(JsonNode c, TimeSpan t, List<FactValue> values) {
      String code = c.path("code").asText(null);
      if (code != null) {
        each(List.of(new Coding(c.path("system").asText(""), code)), t, values);
      }
    }

    void each(List<Coding> codes, TimeSpan t, List<FactValue> values) {
      for (Coding code : codes) {
        if (values.isEmpty()) {
          add(code, t, null);
        } else {
          for (FactValue v : values) {
            add(code, t, v);
          }
        }
      }
    }

    private void add(Coding code, TimeSpan t, FactValue v) {
      facts.add(new Fact(s.patient(), s.encounter(), type, s.resourceId(), code, t.start(),
          t.end(), v, status, attrs));
    }
  }
}
