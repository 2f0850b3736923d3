package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Coding;
import org.datenraum.core.FactValue;

/**
 * Small sinks that read the parts of a de-identified resource its facts are made of, with the
 * meaning {@link FactExtractor} and {@link ValueReader} give them. What they would read through a
 * conversion (a number where a string belongs, an object where an array belongs) ends streaming.
 */
final class TokenReaders {

  private TokenReaders() {}

  static void requireString(JsonToken token) {
    if (token != JsonToken.VALUE_STRING) {
      throw StreamFallback.shape();
    }
  }

  /** A CodeableConcept: the codings that carry a code, and its text. */
  static final class Concept extends TokenSink {
    final List<Coding> codings = new ArrayList<>(2);
    String text;

    @Override
    void scalar(String name, JsonToken token, Scalar value) {
      if (name.equals("text")) {
        requireString(token);
        text = value.text();
      }
    }

    @Override
    void keptArray(String name) {
      if (name.equals("text")) {
        throw StreamFallback.shape();
      }
    }

    @Override
    TokenSink open(String name, boolean inArray) {
      if (name.equals("coding")) {
        if (!inArray) {
          throw StreamFallback.shape();
        }
        return new AttributeFrames.CodingReader(codings);
      }
      return NONE;
    }
  }

  /** A Period's start and end as written. */
  static final class Period extends TokenSink {
    String start;
    String end;

    @Override
    void scalar(String name, JsonToken token, Scalar value) {
      if (name.equals("start") || name.equals("end")) {
        requireString(token);
        if (name.equals("start")) {
          start = value.textOnce();
        } else {
          end = value.textOnce();
        }
      }
    }

    @Override
    void keptArray(String name) {
      if (name.equals("start") || name.equals("end")) {
        throw StreamFallback.shape();
      }
    }
  }

  /** A Quantity: its number (null if absent), unit, system, code and comparator. */
  static final class Quantity extends TokenSink {
    Double value;
    String unit;
    String system;
    String code;
    String comparator;

    @Override
    void scalar(String name, JsonToken token, Scalar scalar) {
      switch (name) {
        case "value" -> {
          if (!token.isNumeric()) {
            throw StreamFallback.outcome();
          }
          value = scalar.number();
        }
        case "unit", "system", "code", "comparator" -> {
          requireString(token);
          String text = scalar.text();
          switch (name) {
            case "unit" -> unit = text;
            case "system" -> system = text;
            case "code" -> code = text;
            default -> comparator = text;
          }
        }
        default -> { }
      }
    }

    @Override
    void keptArray(String name) {
      if (List.of("value", "unit", "system", "code", "comparator").contains(name)) {
        throw StreamFallback.shape();
      }
    }

    String unit() {
      return ValueReader.unit(system, code, unit);
    }
  }

  /**
   * The first {@code value[x]} member of an object, read as {@link ValueReader#of} reads it; kinds
   * other than Quantity, CodeableConcept, string, integer, boolean, dateTime and time end
   * streaming.
   */
  static final class Value {
    private String name;
    private boolean read;
    private Object reader;
    private List<FactValue> values = List.of();

    /** Whether the member named so is the value; the first such member is. */
    boolean member(String member) {
      if (name == null && member.startsWith("value") && member.length() > 5
          && Character.isUpperCase(member.charAt(5))) {
        name = member;
        return true;
      }
      return false;
    }

    boolean is(String member) {
      return member.equals(name);
    }

    void scalar(JsonToken token, TokenSink.Scalar value) {
      read = true;
      switch (name) {
        case "valueString", "valueDateTime", "valueTime" -> {
          requireString(token);
          values = List.of(new FactValue.Text(value.text()));
        }
        case "valueInteger" -> {
          if (!token.isNumeric()) {
            throw StreamFallback.outcome();
          }
          values = List.of(new FactValue.Quantity(value.number(), null, null));
        }
        case "valueBoolean" -> {
          if (!token.isBoolean()) {
            throw StreamFallback.outcome();
          }
          values = List.of(new FactValue.Coded(new Coding("http://hl7.org/fhir/special-values",
              token == JsonToken.VALUE_TRUE ? "true" : "false")));
        }
        default -> throw StreamFallback.shape();
      }
    }

    TokenSink open(boolean inArray) {
      if (read || inArray) {
        throw StreamFallback.shape();
      }
      read = true;
      TokenSink sink = switch (name) {
        case "valueQuantity" -> new Quantity();
        case "valueCodeableConcept" -> new Concept();
        default -> throw StreamFallback.shape();
      };
      reader = sink;
      return sink;
    }

    /** The values; streaming ends when the value member held no readable value. */
    List<FactValue> values() {
      if (name == null) {
        return List.of();
      }
      if (!read) {
        throw StreamFallback.shape();
      }
      if (reader instanceof Quantity q) {
        if (q.value == null) {
          throw StreamFallback.outcome();
        }
        return List.of(new FactValue.Quantity(q.value, q.unit(), q.comparator));
      }
      if (reader instanceof Concept c) {
        List<FactValue> out = new ArrayList<>();
        for (Coding coding : c.codings) {
          out.add(new FactValue.Coded(coding));
        }
        if (out.isEmpty() && c.text != null) {
          out.add(new FactValue.Text(c.text));
        }
        return out;
      }
      return values;
    }
  }

  /** An Observation's component: its code and its value. */
  static final class Component extends TokenSink {
    Concept code;
    final Value value = new Value();

    @Override
    void member(String name) {
      value.member(name);
    }

    @Override
    void scalar(String name, JsonToken token, Scalar scalar) {
      if (value.is(name)) {
        value.scalar(token, scalar);
      } else if (name.equals("code")) {
        throw StreamFallback.shape();
      }
    }

    @Override
    void keptArray(String name) {
      if (value.is(name) || name.equals("code")) {
        throw StreamFallback.shape();
      }
    }

    @Override
    TokenSink open(String name, boolean inArray) {
      if (value.is(name)) {
        return value.open(inArray);
      }
      if (name.equals("code")) {
        if (inArray || code != null) {
          throw StreamFallback.shape();
        }
        code = new Concept();
        return code;
      }
      return NONE;
    }
  }

  /** An Encounter's location entry: the (pseudonymous) Location reference and its period. */
  static final class Location extends TokenSink {
    String reference;
    Period period;
    private boolean hasPeriod;

    @Override
    void member(String name) {
      hasPeriod |= name.equals("period");
    }

    @Override
    void close() {
      if (hasPeriod && period == null) {
        throw StreamFallback.shape();
      }
    }

    @Override
    TokenSink open(String name, boolean inArray) {
      if (name.equals("period")) {
        if (inArray || period != null) {
          throw StreamFallback.shape();
        }
        period = new Period();
        return period;
      }
      if (name.equals("location")) {
        if (inArray) {
          throw StreamFallback.shape();
        }
        return new TokenSink() {
          @Override
          void scalar(String member, JsonToken token, Scalar value) {
            if (member.equals("reference")) {
              reference = value.text();
            }
          }
        };
      }
      return NONE;
    }
  }
}
