package org.datenraum.query.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;

/** A tiny builder for hand-made facts in tests. */
final class Facts {

  private final String patient;
  private final String type;
  private final String id;
  private Coding code;
  private Instant start;
  private Instant end;
  private FactValue value;
  private String status;
  private final List<Attribute> attributes = new ArrayList<>();

  private Facts(String patient, String type, String id) {
    this.patient = patient;
    this.type = type;
    this.id = id;
  }

  static Facts of(String patient, String type, String id, String system, String code) {
    Facts f = new Facts(patient, type, id);
    f.code = new Coding(system, code);
    return f;
  }

  Facts at(String instant) {
    start = Instant.parse(instant);
    return this;
  }

  Facts until(String instant) {
    end = Instant.parse(instant);
    return this;
  }

  Facts quantity(double number, String unit) {
    value = new FactValue.Quantity(number, unit, null);
    return this;
  }

  Facts coded(String system, String code) {
    value = new FactValue.Coded(new Coding(system, code));
    return this;
  }

  Facts status(String s) {
    status = s;
    return this;
  }

  Facts attribute(String key, String system, String code) {
    attributes.add(new Attribute(key, new Coding(system, code)));
    return this;
  }

  Fact fact() {
    return new Fact(patient, null, type, id, code, start, end, value, status, attributes);
  }
}
