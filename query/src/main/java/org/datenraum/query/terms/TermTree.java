package org.datenraum.query.terms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The criteria a researcher picks from, as a tree (diagnoses by ICD-10-GM chapter, procedures by
 * OPS chapter, laboratory tests, medication by ATC group, SNOMED CT procedures, specimen types, imaging
 * modalities, findings and biomarkers, age, consent), with German and English
 * displays, from {@code term-tree.tsv}. Immutable and thread-safe.
 */
public final class TermTree {

  private static final TermTree BUILT_IN = load();

  private final Map<String, Term> byId;
  private final Map<String, List<Term>> children;

  private TermTree(Map<String, Term> byId, Map<String, List<Term>> children) {
    this.byId = byId;
    this.children = children;
  }

  /** The tree shipped with Datenraum. */
  public static TermTree builtIn() {
    return BUILT_IN;
  }

  public Optional<Term> find(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  /** The entries at the top. */
  public List<Term> roots() {
    return children("");
  }

  /** The entries below a folder or term, in the file's order. */
  public List<Term> children(String id) {
    return children.getOrDefault(id, List.of());
  }

  /**
   * The term naming this system and code, if the tree has one; where several contexts name the
   * same code (SNOMED CT 40617009 is the ventilation category and the ventilation episode), the
   * first in the tree.
   */
  public Optional<Term> byCode(String system, String code) {
    return byId.values().stream().filter(t -> !t.folder() && t.system().equals(system) && t.code().equals(code))
        .findFirst();
  }

  /** The term naming this code in this CCDL context (its code in system {@code fdpg.mii.cds}), if the tree has one. */
  public Optional<Term> byCode(String context, String system, String code) {
    return byId.values().stream().filter(t -> !t.folder() && t.context().equals(context)
        && t.system().equals(system) && t.code().equals(code)).findFirst();
  }

  /**
   * Terms (not folders) whose code starts with the text or whose display (either language)
   * contains it, ignoring case; at most {@code limit}, in tree order.
   */
  public List<Term> search(String text, int limit) {
    String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (q.isEmpty()) {
      return List.of();
    }
    List<Term> out = new ArrayList<>();
    for (Term t : byId.values()) {
      if (!t.folder() && (t.code().toLowerCase(Locale.ROOT).startsWith(q)
          || t.german().toLowerCase(Locale.ROOT).contains(q) || t.english().toLowerCase(Locale.ROOT).contains(q))) {
        out.add(t);
        if (out.size() == limit) {
          break;
        }
      }
    }
    return out;
  }

  /** Every entry, in the file's order. */
  public List<Term> all() {
    return List.copyOf(byId.values());
  }

  private static TermTree load() {
    try (InputStream in = TermTree.class.getResourceAsStream("term-tree.tsv")) {
      if (in == null) {
        throw new IllegalStateException("term-tree.tsv is missing from the build");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TermTree parse(List<String> lines) {
    Map<String, Term> byId = new LinkedHashMap<>();
    Map<String, List<Term>> children = new LinkedHashMap<>();
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 10) {
        throw new IllegalStateException("term-tree.tsv: a line has " + f.length + " fields, expected 10: " + f[0]);
      }
      Term t = new Term(f[0], f[1], f[2].equals("folder"), f[3], f[4], f[5], f[6], f[7], f[8], f[9].equals("yes"));
      if (byId.put(t.id(), t) != null) {
        throw new IllegalStateException("term-tree.tsv names `" + t.id() + "` twice");
      }
      if (!t.parent().isEmpty() && !byId.containsKey(t.parent())) {
        throw new IllegalStateException("term-tree.tsv: `" + t.id() + "` comes before its parent `" + t.parent() + "`");
      }
      children.computeIfAbsent(t.parent(), k -> new ArrayList<>()).add(t);
    }
    children.replaceAll((k, v) -> List.copyOf(v));
    return new TermTree(java.util.Collections.unmodifiableMap(byId), java.util.Collections.unmodifiableMap(children));
  }
}
