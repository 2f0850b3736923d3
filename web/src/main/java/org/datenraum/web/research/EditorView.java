package org.datenraum.web.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.datenraum.query.ccdl.Criterion;
import org.datenraum.query.terms.Term;
import org.datenraum.query.terms.TermTree;
import org.datenraum.web.kit.Messages;

/**
 * What the query editor shows: the draft's groups and sentence, the term tree, search results, the
 * term being added with the places it can go. Immutable.
 *
 * @param token    the draft in the address ({@code q})
 * @param sentence the draft as a sentence, empty when the draft is
 * @param groups   the draft's groups
 * @param tree     the term tree
 * @param text     the search text
 * @param found    the search results
 * @param picked   the term whose form is open
 * @param places   where the picked term can go
 * @param json     the draft as CCDL JSON, empty when the draft is
 */
public record EditorView(String token, String sentence, List<Group> groups, TermTree tree, String text,
    List<Term> found, Optional<Term> picked, List<Option> places, String json) {

  /** A group of the draft: inclusion or exclusion, its number, its criteria as text. */
  public record Group(boolean exclusion, int index, List<String> criteria) {}

  /** A choice of a select box. */
  public record Option(String value, String label) {}

  public static EditorView of(Draft d, TermTree tree, Messages t, String text, Optional<Term> picked) {
    List<Group> groups = new ArrayList<>();
    List<Option> places = new ArrayList<>();
    places.add(new Option("in:new", t.get("editor.newInclusion")));
    for (int g = 0; g < d.inclusion().size(); g++) {
      groups.add(group(false, g, d.inclusion().get(g), t, tree));
      places.add(new Option("in:" + g, t.get("editor.inInclusion", g + 1)));
    }
    if (!d.isEmpty()) {
      places.add(new Option("ex:new", t.get("editor.newExclusion")));
    }
    for (int g = 0; g < d.exclusion().size(); g++) {
      groups.add(group(true, g, d.exclusion().get(g), t, tree));
      places.add(new Option("ex:" + g, t.get("editor.inExclusion", g + 1)));
    }
    String sentence = d.query().map(q -> QuerySentence.of(q, t, tree)).orElse("");
    String json = d.query().map(org.datenraum.query.ccdl.CcdlWriter::write).orElse("");
    List<Term> found = tree.search(text, 30);
    return new EditorView(DraftCodec.encode(d), sentence, groups, tree, text == null ? "" : text, found, picked,
        places, json);
  }

  private static Group group(boolean exclusion, int g, List<Criterion> cs, Messages t, TermTree tree) {
    return new Group(exclusion, g, cs.stream().map(c -> QuerySentence.criterion(c, t, tree)).toList());
  }

  public boolean empty() {
    return groups.isEmpty();
  }
}
