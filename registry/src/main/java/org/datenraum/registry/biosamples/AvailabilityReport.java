package org.datenraum.registry.biosamples;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/**
 * The network report {@code biosamples}: its sample types (the cells of every answer, fixed so that
 * an answer's shape tells nothing about a site's data) and its parameters, which select the cohort
 * as a CCDL query: {@code sample-type} (SNOMED CT), {@code diagnosis} (ICD-10-GM, with its
 * subcodes), {@code within-days} (the sample collected within that many days of the diagnosis) and
 * {@code min-ml} (at least that much remaining). Immutable.
 */
public final class AvailabilityReport {

  /** The report's name on the wire. */
  public static final String NAME = "biosamples";

  /** The sample kinds of the answer (SNOMED CT specimen types), then {@link SpecimenCatalog#OTHER}. */
  public static final List<String> SAMPLE_TYPES = List.of(
      "119297000", // blood specimen
      "122555007", // venous blood specimen
      "445295009", // blood specimen with edetic acid
      "119364003", // serum specimen
      "119361006", // plasma specimen
      "122575003", // urine specimen
      "119342007", // saliva specimen
      "258450006", // cerebrospinal fluid specimen
      "119339001", // stool specimen
      "119376003", // tissue specimen
      "258566005"); // deoxyribonucleic acid sample

  /** The sample-locator kinds, the cells of an answer grouped by kind (then {@code other}). */
  public static final List<String> SAMPLE_KINDS = org.datenraum.core.SampleKinds.table().kinds().stream()
      .map(org.datenraum.core.SampleKinds.Kind::code).toList();

  private static final Set<String> PARAMETERS =
      Set.of("sample-type", "diagnosis", "within-days", "min-ml", "group");
  private static final Pattern GROUP = Pattern.compile("sample-type|sample-kind");
  private static final Pattern SNOMED = Pattern.compile("[0-9]{6,18}");
  private static final Pattern ICD = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9]{1,2})?");
  private static final Pattern DAYS = Pattern.compile("[0-9]{1,4}");
  private static final Pattern MILLILITRES = Pattern.compile("[0-9]{1,4}(\\.[0-9]{1,3})?");
  private static final String ICD_SYSTEM = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";

  private AvailabilityReport() {}

  /** The CCDL query the parameters ask for, or the first problem with them. */
  public static Result<String> cohortQuery(Map<String, String> parameters) {
    for (String name : parameters.keySet()) {
      if (!PARAMETERS.contains(name)) {
        return fail("DR-7420", "the report `biosamples` has no parameter `" + name
            + "`: use sample-type, diagnosis, within-days, min-ml or group.");
      }
    }
    String type = parameters.get("sample-type");
    String diagnosis = parameters.get("diagnosis");
    String days = parameters.get("within-days");
    String ml = parameters.get("min-ml");
    Problem bad = check("sample-type", type, SNOMED, "a SNOMED CT specimen code such as `119364003`")
        .or(() -> check("diagnosis", diagnosis, ICD, "an ICD-10-GM code such as `E11` or `E11.90`"))
        .or(() -> check("within-days", days, DAYS, "a whole number of days such as `30`"))
        .or(() -> check("min-ml", ml, MILLILITRES, "millilitres such as `1` or `0.5`"))
        .or(() -> check("group", parameters.get("group"), GROUP, "`sample-type` or `sample-kind`"))
        .orElse(null);
    if (bad != null) {
      return Result.fail(bad);
    }
    if (type == null && diagnosis == null) {
      return fail("DR-7421", "the report `biosamples` needs `sample-type` or `diagnosis` to select its"
          + " cohort, e.g. --param diagnosis=E11 --param sample-type=119364003.");
    }
    if (days != null && (type == null || diagnosis == null)) {
      return fail("DR-7422", "`within-days` relates a sample to a diagnosis: give `sample-type` and"
          + " `diagnosis` with it.");
    }
    if (ml != null && type == null) {
      return fail("DR-7422", "`min-ml` is the remaining quantity of a sample: give `sample-type` with it.");
    }
    return Result.ok(query(type, diagnosis, days, ml));
  }

  /** How the parameters group the answer: by sample type unless {@code group=sample-kind}. */
  public static SpecimenCatalog.Grouping grouping(Map<String, String> parameters) {
    return "sample-kind".equals(parameters.get("group")) ? SpecimenCatalog.Grouping.SAMPLE_KIND
        : SpecimenCatalog.Grouping.SAMPLE_TYPE;
  }

  /** The cells of an answer grouped so (before {@link SpecimenCatalog#OTHER}). */
  public static List<String> cells(SpecimenCatalog.Grouping grouping) {
    return grouping == SpecimenCatalog.Grouping.SAMPLE_KIND ? SAMPLE_KINDS : SAMPLE_TYPES;
  }

  private static java.util.Optional<Problem> check(String name, String value, Pattern form, String expected) {
    return value == null || form.matcher(value).matches() ? java.util.Optional.empty()
        : java.util.Optional.of(Problem.invalid("DR-7423", "parameter `" + name + "` is `" + value
            + "`: expected " + expected + "."));
  }

  private static String query(String type, String diagnosis, String days, String ml) {
    String dx = diagnosis == null ? null : criterion("Diagnose", ICD_SYSTEM, diagnosis, "");
    StringBuilder groups = new StringBuilder();
    if (dx != null) {
      groups.append('[').append(dx).append(']');
    }
    if (type != null) {
      String extra = (ml == null ? "" : ", \"valueFilter\": {\"type\": \"quantity-comparator\", \"comparator\": "
          + "\"ge\", \"value\": " + ml + ", \"unit\": {\"code\": \"mL\"}}")
          + (days == null ? "" : ", \"timeRelation\": {\"minDays\": -" + days + ", \"maxDays\": " + days
              + ", \"criteria\": [" + dx + "]}");
      groups.append(groups.length() == 0 ? "" : ", ").append('[')
          .append(criterion("Specimen", SampleTypes.SNOMED, type, extra)).append(']');
    }
    return "{\"version\": \"2\", \"inclusionCriteria\": [" + groups + "]}";
  }

  private static String criterion(String context, String system, String code, String extra) {
    return "{\"context\": {\"system\": \"fdpg.mii.cds\", \"code\": \"" + context + "\"}, \"termCodes\": [{\"system\": \""
        + system + "\", \"code\": \"" + code + "\"}]" + extra + "}";
  }

  private static Result<String> fail(String code, String message) {
    return Result.fail(Problem.invalid(code, message));
  }
}
