package org.datenraum.query.eval;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.datenraum.core.Attribute;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.query.plan.CodeSet;
import org.datenraum.query.plan.FactPattern;
import org.datenraum.query.plan.FactTest;
import org.datenraum.query.plan.ValueTest;

/** Decides whether one fact matches a pattern. Immutable after construction. */
final class FactMatcher {

  /** The coding system of reference attributes; the code is {@code Type/pseudonymised id}. */
  static final String REFERENCE_SYSTEM = "urn:datenraum:reference";

  private final Map<String, List<Fact>> byPatient;
  private final Map<String, List<Fact>> byResource;

  FactMatcher(Map<String, List<Fact>> byPatient, Map<String, List<Fact>> byResource) {
    this.byPatient = byPatient;
    this.byResource = byResource;
  }

  static String resourceKey(String type, String id) {
    return type + "/" + id;
  }

  boolean anyFact(String patient, FactPattern pattern) {
    for (Fact f : byPatient.getOrDefault(patient, List.of())) {
      if (matches(f, pattern)) {
        return true;
      }
    }
    return false;
  }

  boolean matches(Fact f, FactPattern p) {
    return (p.resourceTypes().isEmpty() || p.resourceTypes().contains(f.resourceType()))
        && codeMatches(f, p)
        && p.window().overlaps(f.start(), f.end())
        && (p.value() == null || valueMatches(f.value(), p.value()))
        && p.tests().stream().allMatch(t -> passes(f, t));
  }

  private static boolean codeMatches(Fact f, FactPattern p) {
    if (p.codes() == null) {
      return true;
    }
    return p.codeKey() == null ? p.codes().contains(f.code()) : hasAttribute(f, p.codeKey(), p.codes());
  }

  static boolean valueMatches(FactValue value, ValueTest test) {
    if (test instanceof ValueTest.InConcepts in) {
      return value instanceof FactValue.Coded c && in.concepts().contains(c.coding());
    }
    ValueTest.Quantity q = (ValueTest.Quantity) test;
    if (!(value instanceof FactValue.Quantity v)) {
      return false;
    }
    if (q.unit() == null) {
      return q.test().test(v.number());
    }
    OptionalDouble converted = Units.convert(v.number(), v.unit(), q.unit());
    return converted.isPresent() && q.test().test(converted.getAsDouble());
  }

  private boolean passes(Fact f, FactTest t) {
    if (t instanceof FactTest.AttributeIn a) {
      return hasAttribute(f, a.key(), a.values());
    }
    if (t instanceof FactTest.CodeIn c) {
      return c.codes().contains(f.code());
    }
    if (t instanceof FactTest.StatusIn s) {
      return f.status() != null && s.statuses().contains(f.status());
    }
    if (t instanceof FactTest.Sibling s) {
      return sameResource(f).stream().anyMatch(g -> s.codes().contains(g.code())
          && (s.value() == null || valueMatches(g.value(), s.value())));
    }
    if (t instanceof FactTest.Near near) {
      return near(f, near);
    }
    return references(f, (FactTest.References) t);
  }

  private boolean near(Fact f, FactTest.Near near) {
    for (Fact target : byPatient.getOrDefault(f.patient(), List.of())) {
      if (near.relates(target.start(), f.start()) && near.targets().stream().anyMatch(p -> matches(target, p))) {
        return true;
      }
    }
    return false;
  }

  /** The patient's facts, none when unknown. */
  List<Fact> factsOf(String patient) {
    return byPatient.getOrDefault(patient, List.of());
  }

  private List<Fact> sameResource(Fact f) {
    return byResource.getOrDefault(resourceKey(f.resourceType(), f.resourceId()), List.of()).stream()
        .filter(g -> g.patient().equals(f.patient()))
        .toList();
  }

  private boolean references(Fact f, FactTest.References refs) {
    for (Attribute a : f.attributes()) {
      if (!a.value().system().equals(REFERENCE_SYSTEM)) {
        continue;
      }
      for (Fact target : byResource.getOrDefault(a.value().code(), List.of())) {
        if (target.patient().equals(f.patient()) && refs.targets().stream().anyMatch(p -> matches(target, p))) {
          return true;
        }
      }
    }
    return false;
  }

  /** An attribute name matches the element path that ends with it: {@code route} matches {@code dosage.route}. */
  static boolean keyMatches(String path, String name) {
    return path.equals(name) || (path.endsWith(name) && path.charAt(path.length() - name.length() - 1) == '.');
  }

  private static boolean hasAttribute(Fact f, String key, CodeSet values) {
    for (Attribute a : f.attributes()) {
      if (keyMatches(a.key(), key) && values.contains(a.value())) {
        return true;
      }
    }
    return false;
  }
}
