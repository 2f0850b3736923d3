package org.datenraum.registry.icu;

import java.util.HashSet;
import java.util.Set;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.Coding;

/**
 * The catecholamines SOFA's cardiovascular score names, by ATC code, with their weight in the
 * norepinephrine equivalent (norepinephrine and epinephrine 1, dopamine 0.01, dobutamine 0: an
 * inotrope, not a vasopressor; Goradia et al. 2021, J Crit Care 61:233).
 */
public enum Vasopressor {
  NOREPINEPHRINE("C01CA03", 1),
  EPINEPHRINE("C01CA24", 1),
  DOPAMINE("C01CA04", 0.01),
  DOBUTAMINE("C01CA07", 0);

  private final String atc;
  private final double equivalent;

  Vasopressor(String atc, double equivalent) {
    this.atc = atc;
    this.equivalent = equivalent;
  }

  public String atc() {
    return atc;
  }

  /** µg/kg/min of norepinephrine that one µg/kg/min of this drug counts as. */
  public double equivalent() {
    return equivalent;
  }

  /** The drug an ATC coding (BfArM or WHO system) names, or null. */
  public static Vasopressor of(Coding code) {
    if (!code.system().equals(CodeSystems.ATC) && !code.system().equals(CodeSystems.ATC_WHO)) {
      return null;
    }
    for (Vasopressor v : values()) {
      if (v.atc.equals(code.code())) {
        return v;
      }
    }
    return null;
  }

  /** Every coding of the drugs, in both ATC systems. */
  public static Set<Coding> codes() {
    Set<Coding> out = new HashSet<>();
    for (Vasopressor v : values()) {
      out.add(new Coding(CodeSystems.ATC, v.atc));
      out.add(new Coding(CodeSystems.ATC_WHO, v.atc));
    }
    return Set.copyOf(out);
  }
}
