package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.FactValue;
import org.datenraum.core.Problem;

/**
 * What a BiologicallyDerivedProduct says as facts (its codes, amount and storage) and the codes of
 * the Substances that specimens and products name as additives.
 */
final class ProductFacts {

  static final String PRODUCT = "BiologicallyDerivedProduct";
  /** FHIR R4's product categories (organ, tissue, fluid, cells, biologicalAgent). */
  static final String CATEGORY_SYSTEM = "http://hl7.org/fhir/product-category";
  /** The attribute key of a specimen's additives, as the codes of their Substances. */
  static final String SPECIMEN_ADDITIVE_KEY = "container.additive";
  /** The attribute key of a product's processing additives, as the codes of their Substances. */
  static final String PRODUCT_ADDITIVE_KEY = "processing.additive";

  /** Additive codes found, or why they cannot be found (yet). */
  record Additives(List<Attribute> attributes, Problem problem) {
    Additives {
      attributes = List.copyOf(attributes);
    }
  }

  private ProductFacts() {}

  /** Why the product cannot be loaded, or null when it can. */
  static Problem check(JsonNode r) {
    if (codes(r).isEmpty()) {
      return Problem.invalid("DR-7405", "BiologicallyDerivedProduct has neither a coded"
          + " `productCode` nor a `productCategory`: give at least its category (e.g. `fluid`)"
          + " at the source.");
    }
    return null;
  }

  /** The product's codes: each {@code productCode} coding, then its category. */
  static List<Coding> codes(JsonNode r) {
    List<Coding> out = new ArrayList<>(MedicationCodes.codings(r.path("productCode")));
    if (r.hasNonNull("productCategory")) {
      out.add(new Coding(CATEGORY_SYSTEM, r.path("productCategory").asText()));
    }
    return out;
  }

  /** The number of product units ({@code quantity}, UCUM unity), if given. */
  static List<FactValue> quantity(JsonNode r) {
    JsonNode q = r.path("quantity");
    return q.isNumber() ? List.of(new FactValue.Quantity(q.asDouble(), "1", null)) : List.of();
  }

  /** The storage temperature categories of {@code storage.temperature} in its {@code scale}. */
  static List<Attribute> storageTemperature(JsonNode r) {
    List<Attribute> out = new ArrayList<>();
    for (JsonNode s : r.path("storage")) {
      JsonNode t = s.path("temperature");
      if (!t.isNumber()) {
        continue;
      }
      double celsius = switch (s.path("scale").asText("celsius")) {
        case "farenheit" -> (t.asDouble() - 32) * 5 / 9;
        case "kelvin" -> t.asDouble() - 273.15;
        default -> t.asDouble();
      };
      out.add(new Attribute(SpecimenFacts.STORAGE_TEMPERATURE_KEY, new Coding(
          SpecimenFacts.STORAGE_TEMPERATURE_SYSTEM, SpecimenFacts.category(celsius))));
    }
    return out;
  }

  /** The reference to the patient the product was collected from, or null. */
  static String sourceReference(JsonNode r) {
    return r.path("collection").path("source").path("reference").asText(null);
  }

  /** A Substance's own codes: its code and the codes of its ingredients. */
  static List<Coding> substanceCodes(JsonNode substance) {
    List<Coding> out = MedicationCodes.codings(substance.path("code"));
    for (JsonNode i : substance.path("ingredient")) {
      out.addAll(MedicationCodes.codings(i.path("substanceCodeableConcept")));
    }
    return out;
  }

  /**
   * The codes of the Substances a Specimen's containers or a product's processing steps name as
   * additives (contained, in this load, or stored), as attributes.
   */
  static Additives additives(String type, JsonNode r, Map<String, String> fullUrls,
      Pseudonyms pseudonyms, Function<String, List<Coding>> known) {
    boolean specimen = type.equals("Specimen");
    String key = specimen ? SPECIMEN_ADDITIVE_KEY : PRODUCT_ADDITIVE_KEY;
    List<Attribute> out = new ArrayList<>();
    Problem missing = null;
    for (JsonNode holder : r.path(specimen ? "container" : "processing")) {
      String ref = holder.path(specimen ? "additiveReference" : "additive").path("reference")
          .asText(null);
      if (ref == null) {
        continue;
      }
      List<Coding> codes = ref.startsWith("#") ? contained(r, ref.substring(1)) : List.of();
      String target = ReferenceTarget.of(ref, fullUrls);
      if (target != null && target.startsWith("Substance/")) {
        codes = known.apply(pseudonyms.reference(target).substring("Substance/".length()));
      }
      if (codes.isEmpty() && missing == null) {
        missing = Problem.notFound("DR-7407", "its additive `" + ref + "` is no Substance with a"
            + " code in this load or the store: load the Substance, or fix the reference.");
      }
      codes.forEach(c -> out.add(new Attribute(key, c)));
    }
    return new Additives(out, missing);
  }

  /** The facts with these attributes added (kept in attribute order). */
  static List<org.datenraum.core.Fact> attach(List<org.datenraum.core.Fact> facts,
      List<Attribute> more) {
    if (more.isEmpty()) {
      return facts;
    }
    List<org.datenraum.core.Fact> out = new ArrayList<>(facts.size());
    for (org.datenraum.core.Fact f : facts) {
      List<Attribute> a = new ArrayList<>(f.attributes());
      a.addAll(more);
      a.sort(AttributeWalker.ORDER);
      out.add(new org.datenraum.core.Fact(f.patient(), f.encounter(), f.resourceType(),
          f.resourceId(), f.code(), f.start(), f.end(), f.value(), f.status(), a));
    }
    return out;
  }

  private static List<Coding> contained(JsonNode r, String id) {
    for (JsonNode c : r.path("contained")) {
      if (id.equals(c.path("id").asText()) && "Substance".equals(c.path("resourceType").asText())) {
        return substanceCodes(c);
      }
    }
    return List.of();
  }
}
