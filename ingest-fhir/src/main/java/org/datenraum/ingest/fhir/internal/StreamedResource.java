package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;

/**
 * What the streaming reader collects from the members of one resource as they pass: its
 * attributes ({@link AttributeFrames}), status, code, value, components, times, an Encounter's
 * class, types and locations, a MedicationAdministration's rate, and the references the mapping
 * resolves before de-identification (patient, encounter, medication) as the input had them.
 */
final class StreamedResource extends TokenSink {

  /** The resource types read by streaming, with the prefixes of their times. */
  static final Map<String, List<String>> TIMES = Map.of(
      "Observation", List.of("effective", "issued"),
      "Condition", List.of("onset", "recordedDate"),
      "Procedure", List.of("performed"),
      "MedicationAdministration", List.of("effective", "dateAsserted"),
      "MedicationRequest", List.of("authoredOn"),
      "Encounter", List.of("period"));

  /** Members read before de-identification: they must be objects the mapping keeps. */
  static final Set<String> RESOLVED = Set.of("subject", "patient", "individual", "encounter",
      "context", "medicationCodeableConcept", "medicationReference");

  private static final Set<String> OBJECTS = Set.of("code", "class", "dosage", "subject",
      "encounter", "context", "medicationCodeableConcept", "medicationReference");

  final String type;
  final List<Attribute> attributes = new ArrayList<>();
  final Map<String, Object> times = new HashMap<>();
  /** The members whose references are resolved, in the order of {@link #references}'s slots. */
  static final List<String> REFERENCED = List.of("subject", "patient", "individual", "encounter",
      "context", "medicationReference");
  /** By member of {@link #REFERENCED}: its reference as the input had it, and as stored. */
  private final String[] originalReferences = new String[REFERENCED.size()];
  private final String[] storedReferences = new String[REFERENCED.size()];
  final List<TokenReaders.Component> components = new ArrayList<>();
  final List<TokenReaders.Concept> types = new ArrayList<>();
  final List<TokenReaders.Location> locations = new ArrayList<>();
  final TokenReaders.Value value = new TokenReaders.Value();
  final List<Coding> encounterClass = new ArrayList<>();
  String status;
  TokenReaders.Concept code;
  TokenReaders.Concept medication;
  TokenReaders.Quantity rate;
  boolean classSeen;
  private final Set<String> timeNames;
  private String pending;

  /** Per type, the members that may hold its times: a prefix, and with DateTime, Instant, Period. */
  private static final Map<String, Set<String>> TIME_NAMES = timeNames();

  StreamedResource(String type) {
    this.type = type;
    this.timeNames = TIME_NAMES.get(type);
  }

  private static Map<String, Set<String>> timeNames() {
    Map<String, Set<String>> out = new HashMap<>();
    TIMES.forEach((type, prefixes) -> {
      Set<String> names = new java.util.HashSet<>();
      for (String prefix : prefixes) {
        names.addAll(List.of(prefix, prefix + "DateTime", prefix + "Instant", prefix + "Period"));
      }
      out.put(type, Set.copyOf(names));
    });
    return Map.copyOf(out);
  }

  @Override
  void member(String name) {
    settled();
    if (OBJECTS.contains(name) || timeNames.contains(name) && name.endsWith("Period")) {
      pending = name;
    }
    if (type.equals("Observation") && value.member(name)) {
      pending = null;
    }
  }

  /** Every member that had to be an object was one. */
  void settled() {
    if (pending != null) {
      throw StreamFallback.shape();
    }
  }

  @Override
  void scalar(String name, JsonToken token, Scalar scalar) {
    if (name.equals("status")) {
      TokenReaders.requireString(token);
      status = scalar.text();
    } else if (timeNames.contains(name)) {
      TokenReaders.requireString(token);
      times.put(name, scalar.text());
    } else if (type.equals("Observation") && value.is(name)) {
      value.scalar(token, scalar);
    }
  }

  @Override
  void keptArray(String name) {
    if (name.equals("status") || timeNames.contains(name) || value.is(name)) {
      throw StreamFallback.shape();
    }
  }

  @Override
  TokenSink open(String name, boolean inArray) {
    if (name.equals(pending) && !inArray) {
      pending = null;
    } else if (OBJECTS.contains(name)) {
      throw StreamFallback.shape();
    }
    return both(AttributeFrames.top(name, attributes), capture(name, inArray));
  }

  private TokenSink capture(String name, boolean inArray) {
    if (timeNames.contains(name)) {
      if (inArray) {
        throw StreamFallback.shape();
      }
      TokenReaders.Period p = new TokenReaders.Period();
      times.put(name, p);
      return p;
    }
    if (type.equals("Observation") && value.is(name)) {
      return value.open(inArray);
    }
    return switch (name) {
      case "subject", "patient", "individual", "encounter", "context", "medicationReference" ->
          new Original(REFERENCED.indexOf(name));
      case "code" -> code = new TokenReaders.Concept();
      case "medicationCodeableConcept" -> medication = new TokenReaders.Concept();
      case "class" -> {
        classSeen = true;
        yield new AttributeFrames.CodingReader(encounterClass);
      }
      case "dosage" -> rate(name);
      default -> arrays(name, inArray);
    };
  }

  private TokenSink arrays(String name, boolean inArray) {
    boolean read = name.equals("component") ? type.equals("Observation")
        : (name.equals("type") || name.equals("location")) && type.equals("Encounter");
    if (read && !inArray) {
      throw StreamFallback.shape();
    }
    if (name.equals("component") && type.equals("Observation")) {
      return add(components, new TokenReaders.Component());
    }
    if (name.equals("type") && type.equals("Encounter")) {
      return add(types, new TokenReaders.Concept());
    }
    if (name.equals("location") && type.equals("Encounter")) {
      return add(locations, new TokenReaders.Location());
    }
    return NONE;
  }

  private static <T extends TokenSink> T add(List<T> list, T sink) {
    list.add(sink);
    return sink;
  }

  /** A MedicationAdministration's dosage: its {@code rateQuantity} (a rateRatio ends streaming). */
  private TokenSink rate(String name) {
    return new TokenSink() {
      @Override
      TokenSink open(String member, boolean inArray) {
        if (member.equals("rateRatio") || member.equals("rateQuantity") && inArray) {
          throw StreamFallback.shape();
        }
        if (member.equals("rateQuantity")) {
          rate = new TokenReaders.Quantity();
          return rate;
        }
        return NONE;
      }

      @Override
      void member(String member) {
        if (member.equals("rateQuantity") && rate != null) {
          throw StreamFallback.shape();
        }
      }
    };
  }

  /**
   * The reference the first of these members (of {@link #REFERENCED}) held, as the input had it;
   * null when none held one.
   */
  String referenceAsRead(String... members) {
    int slot = slot(members);
    return slot < 0 ? null : originalReferences[slot];
  }

  /**
   * The pseudonymous reference that was stored for the reference {@link #referenceAsRead} gives
   * for the same members; null when it was removed.
   */
  String referenceAsStored(String... members) {
    int slot = slot(members);
    return slot < 0 ? null : storedReferences[slot];
  }

  private int slot(String... members) {
    for (String m : members) {
      int slot = REFERENCED.indexOf(m);
      if (originalReferences[slot] != null) {
        return slot;
      }
    }
    return -1;
  }

  /** The reference of a member the mapping resolves before de-identifying, before and after. */
  private final class Original extends TokenSink {
    private final int slot;

    Original(int slot) {
      this.slot = slot;
    }

    @Override
    void originalReference(String reference) {
      if (reference == null) {
        throw StreamFallback.shape();
      }
      originalReferences[slot] = reference;
      storedReferences[slot] = null;
    }

    @Override
    void scalar(String name, JsonToken token, Scalar value) {
      if (name.equals("reference")) {
        storedReferences[slot] = value.text();
      }
    }
  }
}
