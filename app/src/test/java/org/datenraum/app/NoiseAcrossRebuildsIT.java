package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.SiteResult;
import org.datenraum.federation.v1.Stratum;
import org.datenraum.node.Cohorts;
import org.datenraum.node.internal.Answering;
import org.datenraum.privacy.CellKey;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.privacy.DisclosureControl;
import org.datenraum.privacy.DisclosurePolicy;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.store.PatientNumbering;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The noise a site adds depends on the patients counted, not on the numbers a store gives them:
 * the same hospital written twice with its records in opposite orders (other patient numbers), each
 * store held read-only as a node holds it, answers every question with the same released counts,
 * in new cohorts and a new noise key read from the same secret (a node restart), and as the
 * reference evaluation over the pseudonyms does; another secret draws other noise.
 */
class NoiseAcrossRebuildsIT {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final String ICD = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
  /** Threshold 1 and no rounding, so that every cell's noise shows. */
  private static final DisclosurePolicy EXACT = new DisclosurePolicy(0.5, 1, 1);

  @TempDir Path tmp;

  @Test
  void theSameCohortGetsTheSameNoiseAcrossRebuildsAndRestarts() throws Exception {
    List<List<ResourceRecord>> hospital = hospital(160);
    List<List<ResourceRecord>> reversed = new ArrayList<>(hospital);
    Collections.reverse(reversed);
    Path first = store(tmp.resolve("a.duckdb"), hospital);
    Path second = store(tmp.resolve("b.duckdb"), reversed);
    byte[] secret = new byte[32];
    new SplittableRandom(5).nextBytes(secret);
    byte[] other = secret.clone();
    other[0] ^= 1;

    try (DuckDbSiteStore a = DuckDbSiteStore.openReadOnly(first, Clock.systemUTC());
        DuckDbSiteStore b = DuckDbSiteStore.openReadOnly(second, Clock.systemUTC())) {
      Cohorts heldA = Cohorts.held(DuckDbFeasibilityExecutor.of(a), a);
      Cohorts heldB = Cohorts.held(DuckDbFeasibilityExecutor.of(b), b);
      assertThat(numbers(heldA.numbering().orElseThrow())).as("the two stores number the patients differently")
          .isNotEqualTo(numbers(heldB.numbering().orElseThrow()))
          .containsOnlyKeys(numbers(heldB.numbering().orElseThrow()).keySet());
      List<SiteResult> expected = answers(heldA, secret);
      assertThat(expected.get(0).total().value()).isGreaterThan(20);
      assertThat(answers(heldB, secret)).as("other patient numbers").isEqualTo(expected);
      assertThat(answers(Cohorts.held(DuckDbFeasibilityExecutor.of(a), a), secret.clone()))
          .as("after a restart").isEqualTo(expected);
      assertThat(answers(Cohorts.reference(a), secret)).as("by pseudonyms").isEqualTo(expected);
      List<SiteResult> otherNoise = answers(heldA, other);
      long differing = 0;
      for (int i = 0; i < expected.size(); i++) {
        differing += expected.get(i).equals(otherNoise.get(i)) ? 0 : 1;
      }
      assertThat(differing).as("questions answered otherwise under another secret").isEqualTo(expected.size());
    }
  }

  /**
   * The records of each patient, the patient first: both sexes and many ages; every second one has
   * diabetes, every third hypertension.
   */
  private static List<List<ResourceRecord>> hospital(int patients) {
    List<List<ResourceRecord>> all = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < patients; i++) {
      String p = "patient-" + Integer.toHexString(random.nextInt()) + "-" + i;
      Sex sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
      List<ResourceRecord> out = new ArrayList<>();
      all.add(out);
      out.add(new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}",
          new PatientRecord(p, YearMonth.of(1930 + random.nextInt(90), 1 + random.nextInt(12)), sex, false),
          List.of()));
      for (String code : List.of("E11.9", "I10.9")) {
        if (i % (code.startsWith("E") ? 2 : 3) == 0) {
          Instant at = Instant.parse("2010-01-01T00:00:00Z").plusSeconds(86_400L * random.nextInt(5_000));
          String id = code + "-" + i;
          out.add(new ResourceRecord(new ResourceKey("Condition", id), p, null, List.of(new Fact(p, null,
              "Condition", id, new Coding(ICD, code), at, at, null, "active", List.of())), "{}", null, List.of()));
        }
      }
    }
    return all;
  }

  private static Path store(Path file, List<List<ResourceRecord>> patients) {
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, Clock.systemUTC())) {
      store.write(new WriteBatch(patients.stream().flatMap(List::stream).toList(), List.of(), Map.of(), List.of()));
    }
    return file;
  }

  private static Map<String, Integer> numbers(PatientNumbering numbering) {
    Map<String, Integer> out = new HashMap<>();
    for (int n = 0; n < numbering.size(); n++) {
      if (numbering.pseudonym(n) != null) {
        out.put(numbering.pseudonym(n), n);
      }
    }
    return out;
  }

  /** The answers to a few stratified questions, every cell released with its noise. */
  private static List<SiteResult> answers(Cohorts cohorts, byte[] secret) throws Exception {
    Answering answering = new Answering(cohorts, Mappings.builtIn(), DisclosureControl.of(EXACT,
        CellKey.of(secret)), ConsentPolicy.EXCLUDE_DENIED, Clock.fixed(NOW, ZoneOffset.UTC));
    answering.prepareKeys();
    List<SiteResult> out = new ArrayList<>();
    for (String code : List.of("E11", "I10")) {
      RequestDocument d = new RequestDocument("r-" + code, "alice", RequestType.STRATIFIED, new ObjectMapper().readTree(
          "{\"version\":\"http://to_be_decided.com/draft-2/schema#\",\"inclusionCriteria\":[[{\"context\":"
              + "{\"system\":\"fdpg.mii.cds\",\"code\":\"Diagnose\"},\"termCodes\":[{\"system\":\"" + ICD
              + "\",\"code\":\"" + code + "\"}]}]]}"), List.of(Stratum.SEX, Stratum.AGE, Stratum.YEAR),
          new Coding(ICD, code + ".9"), NOW, NOW.plusSeconds(60));
      out.add(answering.answer(d, answering.plan(d).value()));
    }
    return out;
  }
}
