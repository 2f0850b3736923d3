package org.datenraum.query.mapping;

import java.util.Optional;
import org.datenraum.query.ccdl.TermCode;
import org.datenraum.query.plan.CodeSet;

/** Term codes of a context to facts, and codes to their descendants. Implementations are immutable. */
public interface TermCodeMapping {

  /** How the code of the context is found, or empty when this mapping does not know it. */
  Optional<MappingEntry> resolve(TermCode context, TermCode code);

  /** The code with all its descendants (in the concept tree or by the classification's prefix rule). */
  CodeSet expand(TermCode context, TermCode code);

  /** One sentence for error messages: which mapping this is and what it covers. */
  String describe();
}
