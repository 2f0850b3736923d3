package org.datenraum.app.bench;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.store.InMemorySiteStore;

/** A tiny in-memory site for the federation benchmark: patients, a third with type-2 diabetes. */
final class SyntheticSite {

  static final String ICD = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";

  static final String DIABETES_QUERY = "{\"version\":\"http://to_be_decided.com/draft-2/schema#\","
      + "\"inclusionCriteria\":[[{\"context\":{\"system\":\"fdpg.mii.cds\",\"code\":\"Diagnose\"},"
      + "\"termCodes\":[{\"system\":\"" + ICD + "\",\"code\":\"E11\"}]}]]}";

  private SyntheticSite() {}

  static InMemorySiteStore of(long seed, int patients) {
    SplittableRandom r = new SplittableRandom(seed);
    List<ResourceRecord> records = new ArrayList<>();
    for (int i = 0; i < patients; i++) {
      String p = "s" + seed + "p" + i;
      records.add(new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}",
          new PatientRecord(p, YearMonth.of(1930 + r.nextInt(80), 1 + r.nextInt(12)),
              r.nextBoolean() ? Sex.FEMALE : Sex.MALE, false), List.of()));
      if (r.nextInt(3) == 0) {
        Instant onset = Instant.parse("2015-01-01T00:00:00Z").plusSeconds(r.nextLong(9L * 365 * 86400));
        records.add(new ResourceRecord(new ResourceKey("Condition", "c" + p), p, null,
            List.of(new Fact(p, null, "Condition", "c" + p, new Coding(ICD, "E11.9"), onset, onset, null, "active",
                List.of())), "{}", null, List.of()));
      }
    }
    InMemorySiteStore store = new InMemorySiteStore();
    store.write(new WriteBatch(records, List.of(), Map.of(), List.of()));
    return store;
  }
}
