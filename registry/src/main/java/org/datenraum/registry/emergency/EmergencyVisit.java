package org.datenraum.registry.emergency;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.datenraum.core.Sex;

/**
 * One emergency department visit as the monthly report reads it from the facts. Holds no
 * identifying value. Immutable.
 */
public record EmergencyVisit(Times times, Person person, Triage triage, Codes codes, Hygiene hygiene) {

  public EmergencyVisit {
    requireNonNull(times, "times");
    requireNonNull(person, "person");
    requireNonNull(codes, "codes");
    requireNonNull(hygiene, "hygiene");
  }

  /** Admission (never null), discharge, triage and first physician contact, each null when not documented. */
  public record Times(Instant admission, Instant discharge, Instant triage, Instant physician) {
    public Times {
      requireNonNull(admission, "admission");
    }
  }

  /** Sex and age in completed years at admission (null when the birth is unknown). */
  public record Person(Sex sex, Integer age) {
    public Person {
      requireNonNull(sex, "sex");
    }
  }

  /** The triage scale ({@code MTS} or {@code ESI}) and level 1 to 5. */
  public record Triage(String scale, int level) {}

  /**
   * The coded facts, each null when not documented.
   *
   * @param referral    AKTIN's referral code (VAP, RD, NA, ...)
   * @param transport   AKTIN's transport code (1 to 4, OTH, NA for none)
   * @param disposition {@code DISCHARGE:n} or {@code TRANSFER:n}
   * @param complaint   CEDIS code
   * @param diagnosis   the leading diagnosis (ICD-10-GM)
   */
  public record Codes(String referral, String transport, String disposition, String complaint,
      String diagnosis) {}

  /**
   * Isolation and multidrug-resistant organisms.
   *
   * @param isolated   whether the patient was isolated
   * @param reasons    the isolation reasons' codes
   * @param pathogens  the organisms found or suspected (MRSA, 3MRGN, ...)
   * @param noPathogen whether the document says there is none
   */
  public record Hygiene(boolean isolated, List<String> reasons, List<String> pathogens, boolean noPathogen) {
    public Hygiene {
      reasons = List.copyOf(reasons);
      pathogens = List.copyOf(pathogens);
    }
  }
}
