package org.datenraum.surveillance;

/** The power transformation of the delta-method threshold ({@code powertrans}). */
public enum PowerTransform {
  NONE("none", 1.0),
  SQUARE_ROOT("1/2", 1.0 / 2),
  TWO_THIRDS("2/3", 2.0 / 3);

  private final String rName;
  private final double exponent;

  PowerTransform(String rName, double exponent) {
    this.rName = rName;
    this.exponent = exponent;
  }

  public String rName() {
    return rName;
  }

  public double exponent() {
    return exponent;
  }
}
