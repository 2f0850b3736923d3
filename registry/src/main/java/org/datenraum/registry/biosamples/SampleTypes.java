package org.datenraum.registry.biosamples;

import org.datenraum.core.Coding;

/** How a specimen type coding is named in an availability answer. */
public final class SampleTypes {

  /** The resource type of specimens. */
  public static final String SPECIMEN = "Specimen";
  /** SNOMED CT, whose specimen types are named by their code alone. */
  public static final String SNOMED = "http://snomed.info/sct";

  private SampleTypes() {}

  /** The SNOMED CT code itself ({@code 119364003}); a coding of another system as {@code system|code}. */
  public static String key(Coding type) {
    return type.system().equals(SNOMED) ? type.code() : type.system() + "|" + type.code();
  }
}
