package org.datenraum.registry.icu;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one stay contributes to the report; holds no identifier, time or clinical value beyond
 * the derived counts. Immutable.
 */
public record StayResult(Info info, Ventilation ventilation, LungProtection lung, Sofa sofa,
    Sedation sedation, Circulation circulation) {

  public StayResult {
    requireNonNull(info, "info");
    requireNonNull(ventilation, "ventilation");
    requireNonNull(lung, "lung");
    requireNonNull(sofa, "sofa");
    requireNonNull(sedation, "sedation");
    requireNonNull(circulation, "circulation");
  }

  /** Adults are 18 or older at admission. */
  public enum AgeGroup { ADULT, PAEDIATRIC, UNKNOWN }

  /** The stay's age group, length in grid hours and whether it has an ARDS diagnosis (J80). */
  public record Info(AgeGroup group, int hours, boolean ards) {
    public Info {
      requireNonNull(group, "group");
    }
  }

  /**
   * The episodes, the hours of invasive status, extubations (invasive episodes ending before the
   * stay's last hour), and prone positioning: {@code proneEligible} when an invasive hour had a
   * PaO2/FiO2 below 150, {@code proned} when a prone positioning started in the stay.
   */
  public record Ventilation(List<Episode> episodes, int invasiveStatusHours, int extubations,
      boolean proneEligible, boolean proned) {
    public Ventilation {
      episodes = List.copyOf(episodes);
    }

    public boolean invasive() {
      return invasiveStatusHours > 0;
    }
  }

  /**
   * Tidal volume per kg predicted body weight in invasive hours: hours with a tidal volume and a
   * height, those at most 8 ml/kg, those lung-protective (at most 6 ml/kg with ARDS, else 8),
   * hours with a tidal volume but no height, and whether the stay was invasively ventilated
   * without any height; plateau pressure hours and those at most 30 cmH2O.
   */
  public record LungProtection(int tidalVolumeHours, int atMost8, int protective,
      int tidalVolumeHoursWithoutHeight, boolean ventilatedWithoutHeight, int[] plateau) {
    public LungProtection {
      plateau = plateau.clone();
      if (plateau.length != 2) {
        throw new IllegalArgumentException("plateau holds hours and hours at most 30 cmH2O");
      }
    }

    public int plateauHours() {
      return plateau[0];
    }

    public int plateauAtMost30() {
      return plateau[1];
    }
  }

  /** The highest hourly SOFA and, per component, the hours without a value in the window. */
  public record Sofa(int max, List<Integer> missingHours) {
    public Sofa {
      missingHours = List.copyOf(missingHours);
    }
  }

  /**
   * RASS monitoring: {@code monitoredBlocks} of {@code blocks} full 8 h blocks of the stay have a
   * RASS; hours with a RASS of the last 8 h and those with it below −2.
   */
  public record Sedation(int blocks, int monitoredBlocks, int assessedHours, int deepHours) {
    /** Whether every full 8 h block had a RASS; false for a stay shorter than 8 h. */
    public boolean every8h() {
      return blocks > 0 && monitoredBlocks == blocks;
    }
  }

  /**
   * Catecholamines: the highest hourly norepinephrine equivalent (µg/kg/min), hours with any,
   * administrations whose rate did not convert.
   */
  public record Circulation(double maxNorepinephrineEquivalent, int vasopressorHours,
      int unusableRates) {}
}
