package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.Coding;
import org.datenraum.core.FactValue;

/** Reads FHIR {@code value[x]} of every kind into {@link FactValue}s. */
public final class ValueReader {

  /** Thrown for a value whose content does not fit its declared type. */
  public static final class BadValue extends Exception {
    private final String element;

    BadValue(String element) {
      super(null, null, false, false);
      this.element = element;
    }

    public String element() {
      return element;
    }
  }

  private ValueReader() {}

  /**
   * The values of {@code value[x]} on the node: none if it has no value, several for a
   * CodeableConcept with several codings.
   */
  public static List<FactValue> of(JsonNode node) throws BadValue {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String name = f.getKey();
      if (name.startsWith("value") && name.length() > 5 && Character.isUpperCase(name.charAt(5))) {
        return read(name, f.getValue());
      }
    }
    return List.of();
  }

  private static List<FactValue> read(String name, JsonNode v) throws BadValue {
    switch (name) {
      case "valueQuantity", "valueAge", "valueDuration", "valueCount", "valueDistance",
          "valueMoney" -> {
        return List.of(quantity(name, v));
      }
      case "valueCodeableConcept" -> {
        List<FactValue> out = new ArrayList<>();
        for (JsonNode c : v.path("coding")) {
          if (c.hasNonNull("code")) {
            out.add(new FactValue.Coded(new Coding(c.path("system").asText(""), c.path("code").asText())));
          }
        }
        if (out.isEmpty() && v.hasNonNull("text")) {
          out.add(new FactValue.Text(v.path("text").asText()));
        }
        return out;
      }
      case "valueCoding" -> {
        return List.of(new FactValue.Coded(
            new Coding(v.path("system").asText(""), v.path("code").asText(""))));
      }
      case "valueInteger", "valueDecimal", "valueUnsignedInt", "valuePositiveInt" -> {
        if (!v.isNumber()) {
          throw new BadValue(name);
        }
        return List.of(new FactValue.Quantity(v.asDouble(), null, null));
      }
      case "valueRange" -> {
        return List.of(range(v));
      }
      case "valueRatio" -> {
        return List.of(ratio(v));
      }
      case "valueBoolean" -> {
        if (!v.isBoolean()) {
          throw new BadValue(name);
        }
        return List.of(new FactValue.Coded(new Coding("http://hl7.org/fhir/special-values",
            v.asBoolean() ? "true" : "false")));
      }
      case "valueString", "valueTime", "valueDateTime", "valueDate", "valueCode", "valueUri",
          "valueInstant", "valueMarkdown" -> {
        if (!v.isTextual()) {
          throw new BadValue(name);
        }
        return List.of(new FactValue.Text(v.asText()));
      }
      case "valuePeriod" -> {
        return List.of(new FactValue.Text(v.path("start").asText("") + "/" + v.path("end").asText("")));
      }
      case "valueSampledData" -> {
        return List.of(new FactValue.Text("SampledData"));
      }
      default -> {
        return List.of();
      }
    }
  }

  /**
   * The rate of a MedicationAdministration's {@code dosage}: {@code rateQuantity}, or
   * {@code rateRatio} as the quotient with unit {@code numerator/(denominator)} (a denominator
   * of value 1 keeps its unit as written: {@code mg/h}); none when it has neither, when a value
   * is absent (a quantity of extensions only is valid FHIR) or when the denominator is 0. A value
   * that is not a number is bad input.
   */
  public static List<FactValue> rate(JsonNode dosage) throws BadValue {
    if (dosage.has("rateQuantity")) {
      JsonNode q = dosage.path("rateQuantity");
      Double v = number(q, "dosage.rateQuantity.value");
      return v == null ? List.of() : List.of(new FactValue.Quantity(v, unit(q), q.path("comparator").asText(null)));
    }
    JsonNode ratio = dosage.path("rateRatio");
    if (ratio.isMissingNode()) {
      return List.of();
    }
    Double n = number(ratio.path("numerator"), "dosage.rateRatio.numerator.value");
    Double d = number(ratio.path("denominator"), "dosage.rateRatio.denominator.value");
    if (n == null || d == null || d == 0.0) {
      return List.of();
    }
    String denominator = unit(ratio.path("denominator"));
    String unit = denominator == null ? unit(ratio.path("numerator"))
        : unit(ratio.path("numerator")) + "/" + (denominator.matches("[A-Za-z\\[\\]_]+")
            ? denominator : "(" + denominator + ")");
    return List.of(new FactValue.Quantity(n / d, unit, null));
  }

  /**
   * The length of a Period with both bounds, in hours (UCUM {@code h}), from the start of its
   * start to the start of its end (a date-only end counts from its midnight); none when a bound
   * is missing or the end lies before the start.
   */
  public static List<FactValue> duration(JsonNode period) throws TimeSpan.BadTime {
    return duration(period.path("start").asText(null), period.path("end").asText(null));
  }

  /** {@link #duration(JsonNode)} of a Period's start and end as written. */
  static List<FactValue> duration(String s, String e) throws TimeSpan.BadTime {
    if (s == null || e == null) {
      return List.of();
    }
    try {
      long seconds = FhirDates.start(e).getEpochSecond() - FhirDates.start(s).getEpochSecond();
      return seconds < 0 ? List.of() : List.of(new FactValue.Quantity(seconds / 3600.0, "h", null));
    } catch (java.time.format.DateTimeParseException | StringIndexOutOfBoundsException ex) {
      throw new TimeSpan.BadTime("performedPeriod", s + " .. " + e);
    }
  }

  private static FactValue quantity(String name, JsonNode q) throws BadValue {
    JsonNode value = q.get("value");
    if (value == null || !value.isNumber()) {
      throw new BadValue(name + ".value");
    }
    return new FactValue.Quantity(value.asDouble(), unit(q), q.path("comparator").asText(null));
  }

  private static FactValue range(JsonNode r) throws BadValue {
    Double low = number(r.path("low"), "valueRange.low.value");
    Double high = number(r.path("high"), "valueRange.high.value");
    String unit = r.has("low") ? unit(r.path("low")) : unit(r.path("high"));
    return new FactValue.Range(low, high, unit);
  }

  private static FactValue ratio(JsonNode r) throws BadValue {
    Double n = number(r.path("numerator"), "valueRatio.numerator.value");
    Double d = number(r.path("denominator"), "valueRatio.denominator.value");
    if (n == null || d == null || d == 0.0) {
      throw new BadValue("valueRatio");
    }
    String unit = unit(r.path("numerator")) + "/" + unit(r.path("denominator"));
    return new FactValue.Quantity(n / d, unit, null);
  }

  private static Double number(JsonNode quantity, String element) throws BadValue {
    JsonNode v = quantity.get("value");
    if (v == null) {
      return null;
    }
    if (!v.isNumber()) {
      throw new BadValue(element);
    }
    return v.asDouble();
  }

  private static String unit(JsonNode q) {
    return unit(q.path("system").asText(null), q.path("code").asText(null),
        q.path("unit").asText(null));
  }

  /** A quantity's unit: its UCUM code, else its unit text, else its code. */
  static String unit(String system, String code, String unit) {
    if (code != null && (system == null || CodeSystems.UCUM.equals(system))) {
      return code;
    }
    return unit != null ? unit : code;
  }
}
