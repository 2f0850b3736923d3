package org.datenraum.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.datenraum.node.Cohorts;
import org.datenraum.privacy.CellKey;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.privacy.DisclosureControl;
import org.datenraum.privacy.DisclosurePolicy;
import org.datenraum.privacy.LaplaceObfuscator;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;

/**
 * The averaging attack: a researcher asks one small cohort in many wordings (changed display
 * text, reordered groups, duplicated criteria, synonyms nobody has) and fits the true count to
 * the released answers by maximum likelihood.
 */
class AveragingAttackTest {

  private static final String ICD = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
  private static final DisclosurePolicy POLICY = DisclosurePolicy.defaults();
  private static final int COHORTS = 40;
  private static final int VARIANTS = 140;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void rewordingTheQuestionTeachesNoMoreThanOneAnswer() throws Exception {
    InMemorySiteStore store = new InMemorySiteStore();
    int[] sizes = populate(store);
    byte[] secret = new byte[32];
    new SplittableRandom(7).nextBytes(secret);
    Answering answering = new Answering(Cohorts.reference(store), Mappings.builtIn(),
        DisclosureControl.of(POLICY, CellKey.of(secret)), ConsentPolicy.EXCLUDE_DENIED,
        Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));
    LaplaceObfuscator freshNoise = LaplaceObfuscator.of(POLICY, new SplittableRandom(8));
    double squared = 0;
    double squaredFresh = 0;
    for (int k = 0; k < COHORTS; k++) {
      List<Long> released = new ArrayList<>();
      List<Long> fresh = new ArrayList<>();
      Set<String> wordings = new HashSet<>();
      for (int v = 0; v < VARIANTS; v++) {
        JsonNode query = variant(k, v);
        wordings.add(query.toString());
        RequestDocument d = request(k * VARIANTS + v, query);
        released.add(answering.answer(d, answering.plan(d).value()).total().value());
        fresh.add(freshNoise.obfuscate(sizes[k]));
      }
      assertThat(wordings).hasSize(VARIANTS);
      assertThat(new HashSet<>(released)).as("answers to the wordings of cohort %d", k).hasSize(1);
      squared += Math.pow(maximumLikelihood(released) - sizes[k], 2);
      squaredFresh += Math.pow(maximumLikelihood(fresh) - sizes[k], 2);
    }
    double rmse = Math.sqrt(squared / COHORTS);
    double rmseFresh = Math.sqrt(squaredFresh / COHORTS);
    System.out.printf("averaging attack, %d wordings of %d cohorts: RMSE of the estimate %.2f with cell-key noise,"
        + " %.2f with fresh noise per wording%n", VARIANTS, COHORTS, rmse, rmseFresh);
    // fresh noise per wording (a cache keyed by the wording) gives the count away
    assertThat(rmseFresh).isLessThan(1.0);
    // the same patients' noise: no better than knowing the count up to the rounding
    assertThat(rmse).isGreaterThanOrEqualTo(POLICY.rounding() / Math.sqrt(12));
  }

  /** Cohort k: 10 to 34 patients with a code of their own; as many again without any. */
  private static int[] populate(InMemorySiteStore store) {
    SplittableRandom r = new SplittableRandom(11);
    int[] sizes = new int[COHORTS];
    List<ResourceRecord> records = new ArrayList<>();
    for (int k = 0; k < COHORTS; k++) {
      sizes[k] = 10 + r.nextInt(25);
      for (int i = 0; i < 2 * sizes[k]; i++) {
        String p = "p" + k + "-" + i;
        records.add(new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}",
            new PatientRecord(p, YearMonth.of(1940 + r.nextInt(60), 1 + r.nextInt(12)),
                r.nextBoolean() ? Sex.FEMALE : Sex.MALE, false), List.of()));
        if (i < sizes[k]) {
          Instant at = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(r.nextLong(4L * 365 * 86400));
          Fact f = new Fact(p, null, "Condition", "c" + p, new Coding(ICD, code(k)), at, at, null, "active", List.of());
          records.add(new ResourceRecord(new ResourceKey("Condition", "c" + p), p, null, List.of(f), "{}", null,
              List.of()));
        }
      }
    }
    store.write(new WriteBatch(records, List.of(), Map.of(), List.of()));
    return sizes;
  }

  private static String code(int k) {
    return "Q" + (10 + k) + ".0";
  }

  /** A wording of "patients with the cohort's code" that selects exactly the same patients. */
  static JsonNode variant(int k, int v) throws Exception {
    String main = criterion(code(k), "wording " + v);
    String group = v % 2 == 0 ? "[" + main + "]" : "[" + main + "," + criterion(code(k), "again") + "]";
    String synonym = v % 5 == 1 ? ",[" + criterion("Z99." + (v % 7), "nobody") + "," + main + "]" : "";
    String second = "[" + criterion(code(k), "second group") + "]";
    String groups = v % 3 == 0 ? group + synonym : v % 3 == 1 ? group + "," + second + synonym
        : second + "," + group + synonym;
    return JSON.readTree("{\"version\":\"http://to_be_decided.com/draft-2/schema#\",\"display\":\"q" + v
        + "\",\"inclusionCriteria\":[" + groups + "]}");
  }

  private static String criterion(String code, String display) {
    return "{\"context\":{\"system\":\"fdpg.mii.cds\",\"code\":\"Diagnose\",\"display\":\"Diagnose\"},"
        + "\"termCodes\":[{\"system\":\"" + ICD + "\",\"code\":\"" + code + "\",\"display\":\"" + display + "\"}]}";
  }

  private static RequestDocument request(int n, JsonNode query) {
    Instant now = Instant.parse("2025-06-01T00:00:00Z");
    return new RequestDocument("r" + n, "mallory" + n % 25, RequestType.FEASIBILITY, query, List.of(), null, now,
        now.plusSeconds(3600));
  }

  /** The true count under which the released answers are most likely. */
  static long maximumLikelihood(List<Long> released) {
    long best = 0;
    double bestLog = Double.NEGATIVE_INFINITY;
    for (long n = POLICY.threshold(); n <= 200; n++) {
      double log = 0;
      for (long r : released) {
        log += Math.log(Math.max(1e-300, probability(n, r)));
      }
      if (log > bestLog) {
        bestLog = log;
        best = n;
      }
    }
    return best;
  }

  /** P(released = r | true count n): Laplace noise of scale 1/epsilon, rounded, at least 0. */
  static double probability(long n, long r) {
    double half = POLICY.rounding() / 2.0;
    double low = r == 0 ? Double.NEGATIVE_INFINITY : r - half - n;
    return laplaceCdf(r + half - n) - laplaceCdf(low);
  }

  private static double laplaceCdf(double x) {
    double b = 1 / POLICY.epsilon();
    if (x == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    return x < 0 ? 0.5 * Math.exp(x / b) : 1 - 0.5 * Math.exp(-x / b);
  }
}
