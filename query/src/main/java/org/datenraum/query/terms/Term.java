package org.datenraum.query.terms;

import static java.util.Objects.requireNonNull;

import org.datenraum.query.ccdl.TermCode;

/**
 * An entry of the term tree: a folder to browse, or a term a criterion can name. Immutable.
 *
 * @param id        a stable id, e.g. {@code icd:E11}
 * @param parent    the parent's id, empty at the top
 * @param folder    whether this only groups others (it names no code)
 * @param context   the CCDL context code (system {@code fdpg.mii.cds})
 * @param system    the code system, empty for a folder
 * @param code      the code, empty for a folder
 * @param german    the German display
 * @param english   the English display, or the German one where none is known
 * @param valueUnit the UCUM unit of a quantity value filter, or null when the term takes none
 * @param time      whether a time restriction applies to the term
 */
public record Term(String id, String parent, boolean folder, String context, String system, String code,
    String german, String english, String valueUnit, boolean time) {

  /** The system of CCDL contexts. */
  public static final String CONTEXT_SYSTEM = "fdpg.mii.cds";

  public Term {
    requireNonNull(id, "id");
    requireNonNull(parent, "parent");
    requireNonNull(context, "context");
    requireNonNull(system, "system");
    requireNonNull(code, "code");
    requireNonNull(german, "german");
    english = english == null || english.isBlank() ? german : english;
    valueUnit = valueUnit == null || valueUnit.isBlank() ? null : valueUnit;
  }

  /** The display in {@code de} or {@code en}. */
  public String display(String lang) {
    return "en".equals(lang) ? english : german;
  }

  /** The term's code as CCDL writes it, with its German display. */
  public TermCode termCode() {
    return new TermCode(system, code, null, german);
  }

  /** The criterion's context. */
  public TermCode contextCode() {
    return new TermCode(CONTEXT_SYSTEM, context, null, context);
  }

  /** Whether a quantity value filter applies. */
  public boolean takesValue() {
    return valueUnit != null;
  }
}
