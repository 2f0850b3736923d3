package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.FactValue;
import org.datenraum.core.Problem;
import org.datenraum.core.SampleKinds;

/**
 * What the MII biobank module says of a Specimen beyond its type and time: its remaining quantity
 * (the fact's value), its storage temperature as the sample locator's category, and the rules
 * without which a specimen cannot be counted (a type, quantities with units).
 */
final class SpecimenFacts {

  /** The German Biobank Node's storage temperature categories (sample locator). */
  static final String STORAGE_TEMPERATURE_SYSTEM = "https://fhir.bbmri.de/CodeSystem/StorageTemperature";
  static final String BBMRI_STORAGE_TEMPERATURE = "https://fhir.bbmri.de/StructureDefinition/StorageTemperature";
  static final String MII_TEMPERATURE =
      "https://www.medizininformatik-initiative.de/fhir/ext/modul-biobank/StructureDefinition/Temperaturbedingungen";
  /** The attribute key that the derived storage temperature category is filed under. */
  static final String STORAGE_TEMPERATURE_KEY = "storageTemperature";

  private SpecimenFacts() {}

  /** Why the specimen cannot be loaded, or null when it can. */
  static Problem check(JsonNode r) {
    boolean typed = false;
    for (JsonNode c : r.path("type").path("coding")) {
      typed |= c.hasNonNull("code");
    }
    if (!typed) {
      return Problem.invalid("DR-7400", "Specimen has no `type` with a coded sample kind: give its"
          + " SNOMED CT specimen type (e.g. `119364003` serum) at the source.");
    }
    List<JsonNode> quantities = new ArrayList<>();
    quantities.add(r.path("collection").path("quantity"));
    for (JsonNode c : r.path("container")) {
      quantities.add(c.path("specimenQuantity"));
      quantities.add(c.path("capacity"));
    }
    for (JsonNode q : quantities) {
      if (q.has("value") && !q.hasNonNull("code") && !q.hasNonNull("unit")) {
        return Problem.invalid("DR-7401", "Specimen quantity `" + q.path("value").asText()
            + "` has no unit: give its UCUM code (e.g. `mL`), or leave the quantity out.");
      }
    }
    return null;
  }

  /**
   * The specimen's types: each coded {@code type.coding}, and for a sample-locator kind whose
   * SNOMED CT type is not coded too, that type (so that the specimen counts like it).
   */
  static List<Coding> types(JsonNode r) {
    List<Coding> out = new ArrayList<>();
    for (JsonNode c : r.path("type").path("coding")) {
      if (c.hasNonNull("code")) {
        out.add(new Coding(c.path("system").asText(""), c.path("code").asText()));
      }
    }
    for (Coding c : List.copyOf(out)) {
      if (c.system().equals(SampleKinds.SYSTEM)) {
        SampleKinds.table().snomedOf(c).map(t -> new Coding(SampleKinds.SNOMED, t))
            .filter(t -> !out.contains(t)).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The parent references (before pseudonymisation) of a specimen. */
  static List<String> parents(JsonNode r) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : r.path("parent")) {
      if (p.path("reference").isTextual()) {
        out.add(p.path("reference").asText());
      }
    }
    return out;
  }

  /**
   * The remaining quantity: the sum of the containers' {@code specimenQuantity} when they share a
   * unit, else the first container's; none without a container quantity.
   */
  static List<FactValue> remaining(JsonNode r) {
    double sum = 0;
    String unit = null;
    boolean any = false;
    for (JsonNode c : r.path("container")) {
      JsonNode q = c.path("specimenQuantity");
      if (!q.path("value").isNumber()) {
        continue;
      }
      String u = q.hasNonNull("code") ? q.path("code").asText() : q.path("unit").asText();
      if (any && !u.equals(unit)) {
        break;
      }
      sum += q.path("value").asDouble();
      unit = u;
      any = true;
    }
    return any ? List.of(new FactValue.Quantity(sum, unit, null)) : List.of();
  }

  /** The storage temperature category, from the BBMRI extension or the MII temperature range. */
  static List<Attribute> storageTemperature(JsonNode r) {
    List<Attribute> out = new ArrayList<>();
    for (JsonNode e : r.path("extension")) {
      if (BBMRI_STORAGE_TEMPERATURE.equals(e.path("url").asText())) {
        for (JsonNode c : e.path("valueCodeableConcept").path("coding")) {
          if (c.hasNonNull("code")) {
            out.add(category(c.path("code").asText()));
          }
        }
      }
    }
    for (JsonNode p : r.path("processing")) {
      for (JsonNode e : p.path("extension")) {
        if (MII_TEMPERATURE.equals(e.path("url").asText())) {
          String c = ofRange(e.path("valueRange"));
          if (c != null) {
            out.add(category(c));
          }
        }
      }
    }
    return out;
  }

  private static Attribute category(String code) {
    return new Attribute(STORAGE_TEMPERATURE_KEY, new Coding(STORAGE_TEMPERATURE_SYSTEM, code));
  }

  /** The category a temperature range (in degrees Celsius) falls into, by its midpoint. */
  static String ofRange(JsonNode range) {
    JsonNode low = range.path("low").path("value");
    JsonNode high = range.path("high").path("value");
    if (!low.isNumber() && !high.isNumber()) {
      return null;
    }
    double t = low.isNumber() && high.isNumber() ? (low.asDouble() + high.asDouble()) / 2
        : low.isNumber() ? low.asDouble() : high.asDouble();
    return category(t);
  }

  static String category(double celsius) {
    if (celsius <= -180) {
      return "temperatureLN";
    }
    if (celsius <= -100) {
      return "temperatureGN";
    }
    if (celsius <= -60 && celsius >= -85) {
      return "temperature-60to-85";
    }
    if (celsius <= -18 && celsius >= -35) {
      return "temperature-18to-35";
    }
    if (celsius >= 2 && celsius <= 10) {
      return "temperature2to10";
    }
    if (celsius >= 15 && celsius <= 30) {
      return "temperatureRoom";
    }
    return "temperatureOther";
  }
}
