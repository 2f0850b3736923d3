package org.datenraum.node;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.privacy.BroadConsent;
import org.datenraum.store.InMemorySiteStore;

/** Small synthetic site stores: patients, type-2 diabetes diagnoses, broad consents. */
final class TestSites {

  static final String ICD = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
  static final Coding DIABETES = new Coding(ICD, "E11.9");

  static final String DIABETES_QUERY = "{\"version\":\"http://to_be_decided.com/draft-2/schema#\","
      + "\"inclusionCriteria\":[[{\"context\":{\"system\":\"fdpg.mii.cds\",\"code\":\"Diagnose\"},"
      + "\"termCodes\":[{\"system\":\"" + ICD + "\",\"code\":\"E11\"}]}]]}";

  private TestSites() {}

  /**
   * A store with {@code diabetic} patients diagnosed with E11.9 (of whom {@code denied} refused
   * research use) and as many again without it.
   */
  static InMemorySiteStore site(long seed, int diabetic, int denied) {
    return site(seed, diabetic, denied, 0);
  }

  /** As above; the last {@code unasked} diabetic patients have no consent recorded. */
  static InMemorySiteStore site(long seed, int diabetic, int denied, int unasked) {
    SplittableRandom r = new SplittableRandom(seed);
    InMemorySiteStore store = new InMemorySiteStore();
    List<ResourceRecord> records = new ArrayList<>();
    for (int i = 0; i < 2 * diabetic; i++) {
      String p = "p" + seed + "-" + i;
      Sex sex = r.nextBoolean() ? Sex.FEMALE : Sex.MALE;
      YearMonth birth = YearMonth.of(1930 + r.nextInt(80), 1 + r.nextInt(12));
      records.add(new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}",
          new PatientRecord(p, birth, sex, false), List.of()));
      if (i < diabetic) {
        Instant onset = Instant.parse("2015-01-01T00:00:00Z").plusSeconds(r.nextLong(9L * 365 * 86400));
        records.add(record("Condition", "c" + p, p, new Fact(p, null, "Condition", "c" + p, DIABETES, onset, onset,
            null, "active", List.of())));
      }
      if (i >= diabetic - unasked && i < diabetic) {
        continue;
      }
      String type = i < denied ? "deny" : "permit";
      Instant signed = Instant.parse("2014-06-01T00:00:00Z");
      records.add(record("Consent", "k" + p, p, new Fact(p, null, "Consent", "k" + p, BroadConsent.RESEARCH_USE,
          signed, null, new FactValue.Coded(new Coding("http://hl7.org/fhir/consent-provision-type", type)), "active",
          List.of())));
    }
    store.write(new WriteBatch(records, List.of(), Map.of(), List.of()));
    return store;
  }

  private static ResourceRecord record(String type, String id, String patient, Fact f) {
    return new ResourceRecord(new ResourceKey(type, id), patient, null, List.of(f), "{}", null, List.of());
  }
}
