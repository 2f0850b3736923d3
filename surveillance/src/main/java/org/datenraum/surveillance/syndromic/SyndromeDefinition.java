package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A syndrome case definition for emergency department visits: a visit is a case when one of its
 * diagnoses is in the ICD-10-GM list, or (with {@link Combination#ANY}) one of its presenting
 * complaints is in the CEDIS list, and, where required, an inpatient admission followed.
 * Immutable.
 *
 * @param id short name used in files and reports, for example {@code SARI}
 * @param label human-readable name
 * @param diagnoses ICD-10-GM list entries ({@code J00-J22}, {@code T67}, {@code U07.1})
 * @param complaints CEDIS presenting complaint codes
 * @param combination how the diagnosis and the complaint criteria combine
 * @param admissionRequired whether only visits followed by an admission count
 * @param source the publication the definition follows
 */
public record SyndromeDefinition(String id, String label, List<String> diagnoses,
    Set<String> complaints, Combination combination, boolean admissionRequired, String source) {

  /** How the diagnosis and the complaint criteria combine. */
  public enum Combination {
    /** Either criterion suffices. */
    ANY,
    /** Both criteria must hold. */
    BOTH
  }

  public SyndromeDefinition {
    requireNonNull(id, "id");
    requireNonNull(label, "label");
    requireNonNull(combination, "combination");
    requireNonNull(source, "source");
    diagnoses = List.copyOf(diagnoses);
    complaints = Set.copyOf(complaints);
    if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException("`" + id + "` is not a valid syndrome id (letters,"
          + " digits, _ and -)");
    }
    if (diagnoses.isEmpty() && complaints.isEmpty()) {
      throw new IllegalArgumentException("syndrome `" + id + "` has neither diagnoses nor"
          + " complaints");
    }
    patterns(diagnoses);
  }

  private static List<IcdPattern> patterns(List<String> entries) {
    return entries.stream().map(IcdPattern::parse).toList();
  }

  /** Whether the visit is a case of this syndrome. */
  public boolean matches(EdVisit visit) {
    return matcher().test(visit);
  }

  /** This definition with its code lists parsed once, for testing many visits. */
  public Predicate<EdVisit> matcher() {
    List<IcdPattern> icd = patterns(diagnoses);
    return visit -> {
      boolean byDiagnosis = !icd.isEmpty() && hasDiagnosis(icd, visit);
      boolean byComplaint = !complaints.isEmpty()
          && visit.complaints().stream().anyMatch(complaints::contains);
      boolean clinical = switch (combination) {
        case ANY -> byDiagnosis || byComplaint;
        case BOTH -> (icd.isEmpty() || byDiagnosis) && (complaints.isEmpty() || byComplaint);
      };
      return clinical && (!admissionRequired || visit.admitted());
    };
  }

  private static boolean hasDiagnosis(List<IcdPattern> icd, EdVisit visit) {
    for (String code : visit.diagnoses()) {
      for (IcdPattern p : icd) {
        if (p.matches(code)) {
          return true;
        }
      }
    }
    return false;
  }
}
