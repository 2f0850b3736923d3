package org.datenraum.registry.icu;

import java.util.Set;
import org.datenraum.core.Attribute;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;

/**
 * Which facts the intensive care indicators read: every Encounter fact; Procedures of category
 * SNOMED CT 40617009 (artificial ventilation) or coded as prone positioning; Conditions coded
 * ICD-10-GM J80 (ARDS); Observations coded as a {@link Measure}; MedicationAdministrations of a
 * {@link Vasopressor}. Stateless.
 */
public final class IcuFactSelection {

  /** SNOMED CT 40617009 Artificial ventilation, the category of the MII ICU ventilation Procedure. */
  public static final Coding VENTILATION_CATEGORY = new Coding(CodeSystems.SNOMED, "40617009");
  /** SNOMED CT 431182000 Placing subject in prone position. */
  public static final Coding PRONE_POSITION = new Coding(CodeSystems.SNOMED, "431182000");
  /** ICD-10-GM J80: acute respiratory distress syndrome (the code and its subcodes). */
  public static final String ARDS_ICD = "J80";

  private static final Set<Coding> MEASURES = Measure.codes();
  private static final Set<Coding> DRUGS = Vasopressor.codes();

  private IcuFactSelection() {}

  /** Whether the indicators read this fact. */
  public static boolean wanted(Fact f) {
    return switch (f.resourceType()) {
      case "Encounter" -> true;
      case "Procedure" -> f.code().equals(PRONE_POSITION) || isVentilation(f);
      case "Condition" -> isArds(f.code());
      case "Observation" -> MEASURES.contains(f.code());
      case "MedicationAdministration" -> DRUGS.contains(f.code());
      default -> false;
    };
  }

  /** Whether a Procedure fact is of the ventilation category. */
  public static boolean isVentilation(Fact f) {
    for (Attribute a : f.attributes()) {
      if (a.key().equals("category") && a.value().equals(VENTILATION_CATEGORY)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a code is ICD-10-GM J80 or below it. */
  public static boolean isArds(Coding code) {
    return code.system().equals(CodeSystems.ICD10_GM) && code.code().startsWith(ARDS_ICD);
  }

  /** Observation codes read as measures. */
  public static Set<Coding> measureCodes() {
    return MEASURES;
  }

  /** Medication codes read as vasopressors. */
  public static Set<Coding> drugCodes() {
    return DRUGS;
  }
}
