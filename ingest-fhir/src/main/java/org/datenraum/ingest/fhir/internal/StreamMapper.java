package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.ImagingCodes;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;

/**
 * The streaming reader: maps an NDJSON line of a frequent resource type (those of
 * {@link StreamedResource#TIMES}) from its parser tokens, with no tree, writing the de-identified
 * JSON as the tokens pass and collecting the facts at the same time. It answers only when the
 * resource is simply stored; a line it does not read (another type, {@code resourceType} not
 * first, invalid JSON, a repeated member, an unusual construct) or a resource that would wait or
 * go to quarantine is left to the tree-based mapping, which then decides exactly as it always
 * does. Every such hand-over is counted by its {@link StreamFallback.Reason}. Thread-safe.
 */
public final class StreamMapper {

  private final JsonFactory factory;
  private final EntryMapper mapper;
  private final Pseudonyms pseudonyms;
  private final LongAdder streamed = new LongAdder();
  private final Map<String, String> references = new java.util.concurrent.ConcurrentHashMap<>();
  /** Literal references remembered at most, about 40 MB. */
  private static final int REFERENCES_REMEMBERED = 200_000;
  private final LongAdder[] handedOver = new LongAdder[StreamFallback.Reason.values().length];

  public StreamMapper(JsonFactory factory, EntryMapper mapper, Pseudonyms pseudonyms) {
    this.factory = factory;
    this.mapper = mapper;
    this.pseudonyms = pseudonyms;
    for (int i = 0; i < handedOver.length; i++) {
      handedOver[i] = new LongAdder();
    }
  }

  /** The line's outcome (always an upsert), or null when the tree-based mapping must map it. */
  public Outcome.Upsert map(JsonLine line) {
    try {
      Outcome.Upsert u = read(line);
      streamed.increment();
      return u;
    } catch (StreamFallback f) {
      handedOver[f.reason().ordinal()].increment();
    } catch (IOException | java.io.UncheckedIOException e) {
      handedOver[StreamFallback.Reason.MALFORMED.ordinal()].increment();
    }
    return null;
  }

  /** Lines mapped by streaming so far. */
  public long streamed() {
    return streamed.sum();
  }

  /** Lines handed to the tree-based mapping so far, by reason (lower case). */
  public Map<String, Long> handedOver() {
    Map<String, Long> out = new java.util.TreeMap<>();
    for (StreamFallback.Reason r : StreamFallback.Reason.values()) {
      out.put(r.name().toLowerCase(java.util.Locale.ROOT), handedOver[r.ordinal()].sum());
    }
    return out;
  }

  /**
   * What one thread reuses from line to line: the buffer the stored JSON is written into (copied
   * out at the end, so it can be reused), the member-name lists, and the strings decoded.
   */
  private static final class Scratch {
    final JsonBytes out = new JsonBytes();
    final MemberNames.Stack names = new MemberNames.Stack();
    final DecodedStrings strings = new DecodedStrings();
    final LastId patient = new LastId();
    final LastId encounter = new LastId();
  }

  /**
   * The id part of the reference taken last, kept while the same reference (the same String from
   * the reference cache) comes again: resources come in runs of one patient's and encounter's.
   */
  private static final class LastId {
    private String reference;
    private String id;

    String of(String ref, int from) {
      if (ref != reference) {
        id = ref.substring(from);
        reference = ref;
      }
      return id;
    }
  }

  private static final byte[] RESOURCE_TYPE = JsonBytes.quoted("resourceType");
  private static final byte[] ID = JsonBytes.quoted("id");

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private Outcome.Upsert read(JsonLine line) throws IOException {
    try (JsonParser p = factory.createParser(line.bytes(), line.offset(), line.length())) {
      String type = resourceType(p);
      ElementShapes.Shape shape = ElementShapes.ofResource(type);
      Scratch scratch = SCRATCH.get();
      JsonBytes out = scratch.out;
      out.reset(factory);
      StreamedResource r = new StreamedResource(type);
      out.startObject();
      out.fieldName(RESOURCE_TYPE);
      out.string(type);
      String pseudoId = members(p, new TokenDeidentifier(p, out, this::pseudonymousReference,
          line, scratch.names, scratch.strings), shape, r);
      out.endObject();
      return upsert(r, pseudoId, out.toByteArray(), scratch);
    }
  }

  /** The streamed types. */
  private static final String[] TYPES = StreamedResource.TIMES.keySet().toArray(new String[0]);

  /** The type named by the object's first member, if it is one read by streaming. */
  private static String resourceType(JsonParser p) throws IOException {
    String type = p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
        || !p.currentName().equals("resourceType") || p.nextToken() != JsonToken.VALUE_STRING
        ? null : streamedType(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    if (type == null) {
      throw StreamFallback.of(StreamFallback.Reason.TYPE);
    }
    return type;
  }

  /** The streamed type these characters name (compared, not made into a String); else null. */
  private static String streamedType(char[] c, int offset, int length) {
    for (String t : TYPES) {
      if (t.length() == length) {
        int i = 0;
        while (i < length && t.charAt(i) == c[offset + i]) {
          i++;
        }
        if (i == length) {
          return t;
        }
      }
    }
    return null;
  }

  /** Walks the members after {@code resourceType}; the resource's pseudonymous id. */
  private String members(JsonParser p, TokenDeidentifier walker, ElementShapes.Shape shape,
      StreamedResource r) throws IOException {
    JsonBytes g = walker.generator();
    String pseudoId = null;
    MemberNames names = walker.top();
    names.add("resourceType", shape);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      ElementShapes.Child declared = names.add(name, shape);
      JsonToken v = p.nextToken();
      if (name.equals("id")) {
        pseudoId = v == JsonToken.VALUE_STRING ? walker.pseudonymousId(r.type, pseudonyms) : null;
        if (pseudoId == null) {
          throw StreamFallback.outcome();
        }
        r.settled();
        g.fieldName(ID);
        g.string(pseudoId);
      } else {
        if (r.resolved(name)
            && (v != JsonToken.START_OBJECT || !(shape.rule(name) instanceof ElementShapes.Shape))) {
          throw StreamFallback.shape();
        }
        walker.member(declared, name, v, shape, r);
      }
    }
    r.settled();
    if (pseudoId == null) {
      throw StreamFallback.outcome();
    }
    return pseudoId;
  }

  /**
   * A reference's pseudonymous form; remembered for literal references ({@code Type/id}), whose
   * form depends on nothing else (the same patients, encounters and medications are referenced
   * again and again), not for conditional ones, which resolve through the load's patients.
   */
  private String pseudonymousReference(String ref) {
    boolean literal = literal(ref);
    String known = literal ? references.get(ref) : null;
    if (known != null) {
      return known;
    }
    String replaced = mapper.pseudonymousReference(ref, Map.of());
    if (literal && replaced != null) {
      if (references.size() >= REFERENCES_REMEMBERED) {
        references.clear();
      }
      references.put(ref, replaced);
    }
    return replaced;
  }

  /** The members that may reference the patient, the encounter, the medication, first first. */
  private static final String[] PATIENT = {"subject", "patient", "individual"};
  private static final String[] ENCOUNTER = {"encounter", "context"};
  private static final String[] MEDICATION = {"medicationReference"};

  private Outcome.Upsert upsert(StreamedResource r, String pseudoId, byte[] json, Scratch scratch) {
    boolean required = switch (r.type) {
      case "Observation" -> r.code != null;
      case "Encounter" -> r.classSeen;
      case "MedicationAdministration", "MedicationRequest" -> r.medication != null
          || r.referenceAsRead(MEDICATION) != null;
      default -> true;
    };
    String patient = patient(r, scratch.patient);
    if (!required || patient == null) {
      throw StreamFallback.outcome();
    }
    if (r.type.equals("Observation")) {
      for (Coding c : r.code.codings) {
        if (ImagingCodes.FINDING.equals(c.system())) {
          throw StreamFallback.shape();
        }
      }
    }
    String encounter = r.type.equals("Encounter") ? pseudoId : encounter(r, scratch.encounter);
    FactExtractor.Subject subject =
        new FactExtractor.Subject(patient, encounter, pseudoId, medication(r));
    List<Fact> facts = StreamedFacts.of(r, subject);
    return new Outcome.Upsert(new ResourceRecord(new ResourceKey(r.type, pseudoId), patient,
        encounter, facts, json, null, List.of()), Map.of());
  }

  /**
   * The patient's pseudonym. For a literal reference it is the id of the pseudonymous reference
   * already stored (both come from the same {@code Type/id}), so only whether the patient is known
   * is looked up.
   */
  private String patient(StreamedResource r, LastId last) {
    String ref = r.referenceAsRead(PATIENT);
    if (ref == null) {
      return null;
    }
    if (!literal(ref)) {
      return mapper.patientNow(ref);
    }
    String stored = r.referenceAsStored(PATIENT);
    if (stored == null || !stored.startsWith("Patient/")) {
      return null;
    }
    String pseudo = last.of(stored, "Patient/".length());
    return mapper.knownPatient(pseudo) ? pseudo : null;
  }

  /** A literal reference ({@code Type/id}, also absolute): neither conditional, local nor contained. */
  private static boolean literal(String ref) {
    return ref.indexOf('?') < 0 && !ref.startsWith("urn:") && !ref.startsWith("#");
  }

  private String encounter(StreamedResource r, LastId last) {
    String ref = r.referenceAsRead(ENCOUNTER);
    if (ref != null && literal(ref)) {
      String stored = r.referenceAsStored(ENCOUNTER);
      return stored != null && stored.startsWith("Encounter/")
          ? last.of(stored, "Encounter/".length()) : null;
    }
    String target = ReferenceTarget.of(ref, Map.of());
    return target != null && target.startsWith("Encounter/")
        ? pseudonyms.id("Encounter", target.substring("Encounter/".length())) : null;
  }

  private List<Coding> medication(StreamedResource r) {
    if (!r.type.startsWith("Medication")) {
      return List.of();
    }
    if (r.medication != null) {
      return r.medication.codings;
    }
    String ref = r.referenceAsRead(MEDICATION);
    String target = ref == null || ref.startsWith("#") ? null : ReferenceTarget.of(ref, Map.of());
    List<Coding> codes = target != null && target.startsWith("Medication/")
        ? mapper.medicationNow(pseudonyms.reference(target).substring("Medication/".length()))
        : List.of();
    if (codes.isEmpty()) {
      throw StreamFallback.outcome();
    }
    return codes;
  }
}
