package org.datenraum.query.ccdl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes a query as CCDL JSON (schema v2), which {@link CcdlParser} reads back to an equal query.
 * Numbers that are whole are written without a fraction; a query without a version is written without one. Stateless and thread-safe.
 */
public final class CcdlWriter {

  /** The version the portal writes into the queries it builds. */
  public static final String VERSION = "http://to_be_decided.com/draft-2/schema#";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private CcdlWriter() {}

  public static ObjectNode tree(CcdlQuery q) {
    ObjectNode root = F.objectNode();
    if (q.version() != null) {
      root.put("version", q.version());
    }
    if (q.display() != null) {
      root.put("display", q.display());
    }
    root.set("inclusionCriteria", groups(q.inclusion()));
    if (!q.exclusion().isEmpty()) {
      root.set("exclusionCriteria", groups(q.exclusion()));
    }
    return root;
  }

  /** The query as indented JSON. */
  public static String write(CcdlQuery q) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(q));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ArrayNode groups(List<List<Criterion>> groups) {
    ArrayNode out = F.arrayNode();
    for (List<Criterion> g : groups) {
      ArrayNode group = out.addArray();
      g.forEach(c -> group.add(criterion(c)));
    }
    return out;
  }

  private static ObjectNode criterion(Criterion c) {
    ObjectNode n = F.objectNode();
    n.set("context", code(c.context()));
    ArrayNode codes = n.putArray("termCodes");
    c.termCodes().forEach(t -> codes.add(code(t)));
    if (c.valueFilter() != null) {
      n.set("valueFilter", filter(c.valueFilter()));
    }
    if (!c.attributeFilters().isEmpty()) {
      ArrayNode attrs = n.putArray("attributeFilters");
      for (AttributeFilter a : c.attributeFilters()) {
        ObjectNode f = filter(a.filter());
        f.set("attributeCode", code(a.attributeCode()));
        attrs.add(f);
      }
    }
    if (c.timeRestriction() != null) {
      ObjectNode t = n.putObject("timeRestriction");
      if (c.timeRestriction().afterDate() != null) {
        t.put("afterDate", c.timeRestriction().afterDate().toString());
      }
      if (c.timeRestriction().beforeDate() != null) {
        t.put("beforeDate", c.timeRestriction().beforeDate().toString());
      }
    }
    if (c.timeRelation() != null) {
      ObjectNode r = n.putObject("timeRelation");
      ArrayNode related = r.putArray("criteria");
      c.timeRelation().criteria().forEach(x -> related.add(criterion(x)));
      if (c.timeRelation().minDays() != null) {
        number(r, "minDays", c.timeRelation().minDays());
      }
      if (c.timeRelation().maxDays() != null) {
        number(r, "maxDays", c.timeRelation().maxDays());
      }
    }
    return n;
  }

  private static ObjectNode code(TermCode t) {
    ObjectNode n = F.objectNode();
    n.put("system", t.system());
    n.put("code", t.code());
    if (t.version() != null) {
      n.put("version", t.version());
    }
    if (t.display() != null) {
      n.put("display", t.display());
    }
    return n;
  }

  private static ObjectNode filter(Filter f) {
    ObjectNode n = F.objectNode();
    n.put("type", f.type());
    if (f instanceof Filter.Concept c) {
      ArrayNode a = n.putArray("selectedConcepts");
      c.selectedConcepts().forEach(t -> a.add(code(t)));
    } else if (f instanceof Filter.Comparison c) {
      n.put("comparator", c.comparator().code());
      number(n, "value", c.value());
      unit(n, c.unit());
    } else if (f instanceof Filter.Range r) {
      number(n, "minValue", r.minValue());
      number(n, "maxValue", r.maxValue());
      unit(n, r.unit());
    } else if (f instanceof Filter.Reference r) {
      ArrayNode a = n.putArray("criteria");
      r.criteria().forEach(c -> a.add(criterion(c)));
    }
    return n;
  }

  private static void number(ObjectNode n, String field, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      n.put(field, (long) v);
    } else {
      n.put(field, v);
    }
  }

  private static void unit(ObjectNode n, String unit) {
    if (unit != null) {
      n.putObject("unit").put("code", unit).put("display", unit);
    }
  }
}
