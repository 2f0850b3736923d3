package org.datenraum.query.plan;

import java.util.Set;
import org.datenraum.core.Coding;

/**
 * A set of codes, already expanded to their descendants: exact codings, and prefix codings for
 * hierarchical classifications (ICD-10-GM, OPS, ATC, ICD-O-3) whose descendants are exactly the
 * codes that start with the parent code. A coding with the empty system matches its code in any
 * system. Immutable.
 */
public record CodeSet(Set<Coding> codes, Set<Coding> prefixes) {

  public CodeSet {
    codes = Set.copyOf(codes);
    prefixes = Set.copyOf(prefixes);
  }

  public static CodeSet of(Coding... codes) {
    return new CodeSet(Set.of(codes), Set.of());
  }

  /** Whether the coding is in the set or below one of its prefixes. */
  public boolean contains(Coding coding) {
    if (codes.contains(coding) || codes.contains(new Coding("", coding.code()))) {
      return true;
    }
    for (Coding p : prefixes) {
      if (p.system().equals(coding.system()) && coding.code().startsWith(p.code())) {
        return true;
      }
    }
    return false;
  }

  /** Both sets joined. */
  public CodeSet union(CodeSet other) {
    var c = new java.util.HashSet<>(codes);
    c.addAll(other.codes);
    var p = new java.util.HashSet<>(prefixes);
    p.addAll(other.prefixes);
    return new CodeSet(c, p);
  }
}
