package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
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

  final String type;
  private final boolean observation;
  final List<Attribute> attributes = new ArrayList<>();
  /** The resource's times, by slot ({@link #time}): a String or a {@link TokenReaders.Period}. */
  private final Object[] times = new Object[4 * 2];
  private final List<String> prefixes;
  /** The members whose references are resolved, in the order of {@link #references}'s slots. */
  static final List<String> REFERENCED = List.of("subject", "patient", "individual", "encounter",
      "context", "medicationReference");
  /** By member of {@link #REFERENCED}: its reference as the input had it, and as stored. */
  private final String[] originalReferences = new String[REFERENCED.size()];
  private final String[] storedReferences = new String[REFERENCED.size()];
  List<TokenReaders.Component> components = List.of();
  List<TokenReaders.Concept> types = List.of();
  List<TokenReaders.Location> locations = List.of();
  final TokenReaders.Value value = new TokenReaders.Value();
  List<Coding> encounterClass = List.of();
  String status;
  TokenReaders.Concept code;
  TokenReaders.Concept medication;
  TokenReaders.Quantity rate;
  boolean classSeen;
  private final Map<String, Integer> roles;
  /** The member whose {@link MemberRoles role} was looked up last (by identity), and its role. */
  private String roleOf;
  private int role;
  private String pending;

  /** Forms of a time member, added to its prefix's slot: alone, with DateTime, Instant, Period. */
  static final int PLAIN = 0;
  static final int DATE_TIME = 1;
  static final int INSTANT = 2;
  static final int AS_PERIOD = 3;
  static final List<String> FORMS = List.of("", "DateTime", "Instant", "Period");

  StreamedResource(String type) {
    this.type = type;
    this.observation = type.equals("Observation");
    this.prefixes = TIMES.get(type);
    this.roles = MemberRoles.of(type);
  }

  private int role(String name) {
    if (name != roleOf) {
      Integer r = roles.get(name);
      role = r == null ? 0 : r;
      roleOf = name;
    }
    return role;
  }

  /** Whether the member is one the mapping resolves before de-identification ({@link #RESOLVED}). */
  boolean resolved(String name) {
    return (role(name) & MemberRoles.RESOLVED_MEMBER) != 0;
  }

  /** The time a member held: {@code form} ({@link #PLAIN} ...) of the prefix; null if none. */
  Object time(String prefix, int form) {
    int p = prefixes.indexOf(prefix);
    return p < 0 ? null : times[p * FORMS.size() + form];
  }

  @Override
  void member(String name) {
    settled();
    if ((role(name) & (MemberRoles.OBJECT | MemberRoles.PERIOD)) != 0) {
      pending = name;
    }
    if (observation && value.member(name)) {
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
    } else if ((role(name) & MemberRoles.TIME) != 0) {
      TokenReaders.requireString(token);
      times[role >>> MemberRoles.SLOT] = scalar.textOnce();
    } else if (observation && value.is(name)) {
      value.scalar(token, scalar);
    }
  }

  @Override
  void keptArray(String name) {
    if (name.equals("status") || (role(name) & MemberRoles.TIME) != 0 || value.is(name)) {
      throw StreamFallback.shape();
    }
  }

  @Override
  TokenSink open(String name, boolean inArray) {
    if (name.equals(pending) && !inArray) {
      pending = null;
    } else if ((role(name) & MemberRoles.OBJECT) != 0) {
      throw StreamFallback.shape();
    }
    TokenSink attributeFrame = (role(name) & MemberRoles.SKIPPED) != 0 ? NONE
        : AttributeFrames.top(name, attributes);
    return both(attributeFrame, capture(name, inArray));
  }

  private TokenSink capture(String name, boolean inArray) {
    if ((role(name) & MemberRoles.TIME) != 0) {
      if (inArray) {
        throw StreamFallback.shape();
      }
      TokenReaders.Period p = new TokenReaders.Period();
      times[role >>> MemberRoles.SLOT] = p;
      return p;
    }
    if (observation && value.is(name)) {
      return value.open(inArray);
    }
    return switch (name) {
      case "subject", "patient", "individual", "encounter", "context", "medicationReference" ->
          new Original(REFERENCED.indexOf(name));
      case "code" -> code = new TokenReaders.Concept();
      case "medicationCodeableConcept" -> medication = new TokenReaders.Concept();
      case "class" -> {
        classSeen = true;
        encounterClass = new ArrayList<>();
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
    if (name.equals("component") && observation) {
      components = growing(components);
      return add(components, new TokenReaders.Component());
    }
    if (name.equals("type") && type.equals("Encounter")) {
      types = growing(types);
      return add(types, new TokenReaders.Concept());
    }
    if (name.equals("location") && type.equals("Encounter")) {
      locations = growing(locations);
      return add(locations, new TokenReaders.Location());
    }
    return NONE;
  }

  /** The list itself once it can grow; made when its first element comes (most types have none). */
  private static <T> List<T> growing(List<T> list) {
    return list instanceof ArrayList ? list : new ArrayList<>();
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
