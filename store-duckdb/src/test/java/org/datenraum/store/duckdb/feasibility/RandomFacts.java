package org.datenraum.store.duckdb.feasibility;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;

/** Random patients and resources over a small vocabulary, so that random plans often match. */
final class RandomFacts {

  static final List<String> TYPES = List.of("Condition", "Observation", "Procedure", "Specimen", "Consent");
  static final List<String> SYSTEMS = List.of("http://loinc.org", "http://fhir.de/CodeSystem/bfarm/icd-10-gm", "");
  static final List<String> CODES = List.of("A01", "A01.1", "A01.23", "A02", "B1", "B10", "718-7", "permit");
  static final List<String> UNITS = List.of("mg/dL", "g/L", "mmol/L", "kg", "g", "Cel", "[degF]");
  static final List<String> STATUSES = List.of("final", "active", "entered-in-error");
  static final List<String> ATTRIBUTE_PATHS = List.of("category", "bodySite", "collection.bodySite", "dosage.route");
  static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

  private final SplittableRandom random;
  private final List<String> patients = new ArrayList<>();
  private final List<ResourceKey> resources = new ArrayList<>();
  private final Map<ResourceKey, String> owner = new java.util.HashMap<>();
  private int nextId;

  RandomFacts(long seed) {
    this.random = new SplittableRandom(seed);
  }

  <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  Coding coding() {
    return new Coding(pick(SYSTEMS), pick(CODES));
  }

  ResourceRecord patient() {
    String p = "p" + nextId++;
    patients.add(p);
    YearMonth birth = random.nextInt(8) == 0 ? null : YearMonth.of(1940 + random.nextInt(84), 1 + random.nextInt(12));
    PatientRecord r = new PatientRecord(p, birth, pick(List.of(Sex.values())), false);
    return new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}", r, List.of());
  }

  /** A new resource of a random stored patient, or a replacement of {@code key}. */
  ResourceRecord resource(ResourceKey key) {
    String type = key == null ? pick(TYPES) : key.type();
    String id = key == null ? "r" + nextId++ : key.id();
    String patient = key == null ? pick(patients) : owner.get(key);
    ResourceKey k = new ResourceKey(type, id);
    if (key == null) {
      resources.add(k);
      owner.put(k, patient);
    }
    List<Fact> facts = new ArrayList<>();
    Instant start = random.nextInt(6) == 0 ? null : BASE.plusSeconds(random.nextLong(3 * 365 * 86400L));
    Instant end = start == null || random.nextBoolean() ? start : start.plusSeconds(random.nextLong(-86400, 40 * 86400L));
    String status = random.nextInt(4) == 0 ? null : pick(STATUSES);
    List<Attribute> attributes = attributes(patient);
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      facts.add(new Fact(patient, null, type, id, coding(), start, end, value(), status, attributes));
    }
    return new ResourceRecord(k, patient, null, facts, "{}", null, List.of());
  }

  private List<Attribute> attributes(String patient) {
    List<Attribute> out = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      out.add(new Attribute(pick(ATTRIBUTE_PATHS), coding()));
    }
    if (!resources.isEmpty() && random.nextInt(3) == 0) {
      ResourceKey target = pick(resources);
      if (owner.get(target).equals(patient) || random.nextInt(4) == 0) {
        out.add(new Attribute("extension(http://x/Diagnose)",
            new Coding(AttributeLines.REFERENCE_SYSTEM, target.type() + "/" + target.id())));
      }
    }
    return out;
  }

  private FactValue value() {
    return switch (random.nextInt(6)) {
      case 0 -> null;
      case 1 -> new FactValue.Coded(coding());
      case 2 -> new FactValue.Range(1.0, 5.0, pick(UNITS));
      case 3 -> new FactValue.Text("x");
      default -> new FactValue.Quantity(random.nextInt(200) / 10.0, random.nextInt(5) == 0 ? null : pick(UNITS), null);
    };
  }

  WriteBatch initial(int patientCount, int resourceCount) {
    List<ResourceRecord> out = new ArrayList<>();
    for (int i = 0; i < patientCount; i++) {
      out.add(patient());
    }
    for (int i = 0; i < resourceCount; i++) {
      out.add(resource(null));
    }
    return new WriteBatch(out, List.of(), Map.of(), List.of());
  }

  /** Some new patients and resources, replacements and deletions of resources and patients. */
  WriteBatch changes() {
    List<ResourceRecord> upserts = new ArrayList<>();
    List<ResourceKey> deletes = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      upserts.add(patient());
    }
    for (int i = random.nextInt(15); i > 0; i--) {
      upserts.add(resource(null));
    }
    for (int i = random.nextInt(8); i > 0 && !resources.isEmpty(); i--) {
      ResourceKey k = pick(resources);
      if (upserts.stream().noneMatch(u -> u.key().equals(k))) {
        upserts.add(resource(k));
      }
    }
    for (int i = random.nextInt(5); i > 0 && !resources.isEmpty(); i--) {
      ResourceKey k = resources.remove(random.nextInt(resources.size()));
      if (upserts.stream().noneMatch(u -> u.key().equals(k))) {
        deletes.add(k);
      }
    }
    if (random.nextInt(3) == 0 && patients.size() > 5) {
      String p = patients.remove(random.nextInt(patients.size()));
      resources.removeIf(k -> owner.get(k).equals(p));
      upserts.removeIf(u -> p.equals(u.patient()));
      deletes.add(new ResourceKey("Patient", p));
    }
    return new WriteBatch(upserts, deletes, Map.of(), List.of());
  }
}
