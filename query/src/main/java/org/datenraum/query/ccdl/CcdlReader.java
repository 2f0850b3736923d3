package org.datenraum.query.ccdl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.datenraum.core.Problem;

/** Walks a CCDL JSON tree, tracking the JSON path for messages. Not thread-safe; use once. */
final class CcdlReader {

  static final String DRAFT_2021 = "http://to_be_decided.com/draft-2/schema#";

  private static final Set<String> VALUE_FILTER_TYPES =
      Set.of("concept", "quantity-comparator", "quantity-range");

  /** Unwinds the walk with the first problem; never escapes {@link CcdlParser}. */
  static final class Invalid extends RuntimeException {
    private final transient Problem problem;

    Invalid(String code, String message) {
      super(code, null, false, false);
      this.problem = Problem.invalid(code, message);
    }

    Problem problem() {
      return problem;
    }
  }

  CcdlQuery query(JsonNode root) {
    object(root, "$", "a CCDL query object");
    String version = version(root.get("version"));
    String display = optionalText(root, "display", "$");
    List<List<Criterion>> inclusion = groups(root, "inclusionCriteria", true);
    List<List<Criterion>> exclusion = groups(root, "exclusionCriteria", false);
    return new CcdlQuery(version, display, inclusion, exclusion);
  }

  private String version(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new Invalid("DR-2010", "Version " + shown(node) + " at $.version is not a string: expected `\"2\"`.");
    }
    String v = node.asText();
    if (v.equals("2") || v.startsWith("http://") || v.startsWith("https://")) {
      return v;
    }
    throw new Invalid(
        "DR-2010",
        "Unknown version `" + v + "` at $.version: expected `2` (CCDL schema v2) or a portal schema URI.");
  }

  private List<List<Criterion>> groups(JsonNode root, String field, boolean required) {
    JsonNode node = root.get(field);
    String path = "$." + field;
    if (node == null || node.isNull()) {
      if (required) {
        throw new Invalid("DR-2002", "Missing `" + field + "` at $: a query needs at least one inclusion group.");
      }
      return List.of();
    }
    array(node, path, "an array of criterion groups");
    if (node.isEmpty() && required) {
      throw empty(path, "criterion group");
    }
    List<List<Criterion>> groups = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      String groupPath = path + "[" + i + "]";
      JsonNode group = node.get(i);
      array(group, groupPath, "an array of criteria");
      if (group.isEmpty()) {
        throw empty(groupPath, "criterion");
      }
      List<Criterion> criteria = new ArrayList<>(group.size());
      for (int j = 0; j < group.size(); j++) {
        criteria.add(criterion(group.get(j), groupPath + "[" + j + "]", true));
      }
      groups.add(criteria);
    }
    return groups;
  }

  private Criterion criterion(JsonNode node, String path, boolean referencesAllowed) {
    object(node, path, "a criterion object");
    JsonNode context = node.get("context");
    if (context == null || context.isNull()) {
      throw new Invalid(
          "DR-2009",
          "Criterion at " + path + " has no `context`: this is the 2021 draft format (`" + DRAFT_2021
              + "`); send CCDL v2 (`\"version\": \"2\"`), where every criterion names its context,"
              + " e.g. `{\"system\": \"fdpg.mii.cds\", \"code\": \"Diagnose\"}`.");
    }
    TermCode ctx = termCode(context, path + ".context");
    List<TermCode> termCodes = termCodes(node.get("termCodes"), path + ".termCodes", "term code");
    Filter value = valueFilter(node.get("valueFilter"), path + ".valueFilter");
    List<AttributeFilter> attributes = attributeFilters(node.get("attributeFilters"), path, referencesAllowed);
    TimeRestriction time = timeRestriction(node.get("timeRestriction"), path + ".timeRestriction");
    TimeRelation relation = timeRelation(node.get("timeRelation"), path + ".timeRelation", referencesAllowed);
    return new Criterion(ctx, termCodes, value, attributes, time, relation);
  }

  private List<TermCode> termCodes(JsonNode node, String path, String what) {
    if (node == null || node.isNull()) {
      throw missing(path, "an array of at least one " + what);
    }
    array(node, path, "an array of " + what + "s");
    if (node.isEmpty()) {
      throw empty(path, what);
    }
    List<TermCode> codes = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      codes.add(termCode(node.get(i), path + "[" + i + "]"));
    }
    return codes;
  }

  TermCode termCode(JsonNode node, String path) {
    object(node, path, "a term code object with `system` and `code`");
    String code = requiredText(node, "code", path);
    String system = requiredText(node, "system", path);
    return new TermCode(system, code, optionalText(node, "version", path), optionalText(node, "display", path));
  }

  private Filter valueFilter(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    object(node, path, "a value filter object");
    String type = requiredText(node, "type", path);
    if (!VALUE_FILTER_TYPES.contains(type)) {
      throw new Invalid(
          "DR-2005",
          "Unknown value filter type `" + type + "` at " + path
              + ".type: expected one of concept, quantity-comparator, quantity-range.");
    }
    return filter(node, type, path, false);
  }

  private List<AttributeFilter> attributeFilters(JsonNode node, String criterionPath, boolean referencesAllowed) {
    String path = criterionPath + ".attributeFilters";
    if (node == null || node.isNull()) {
      return List.of();
    }
    array(node, path, "an array of attribute filters");
    List<AttributeFilter> filters = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      String p = path + "[" + i + "]";
      JsonNode f = node.get(i);
      object(f, p, "an attribute filter object");
      String type = requiredText(f, "type", p);
      if (!VALUE_FILTER_TYPES.contains(type) && !type.equals("reference")) {
        throw new Invalid(
            "DR-2005",
            "Unknown attribute filter type `" + type + "` at " + p
                + ".type: expected one of concept, quantity-comparator, quantity-range, reference.");
      }
      if (type.equals("reference") && !referencesAllowed) {
        throw new Invalid(
            "DR-2012",
            "Reference filter at " + p + " is inside a referenced criterion: references cannot be nested;"
                + " move it to the outer criterion.");
      }
      JsonNode code = f.get("attributeCode");
      if (code == null || code.isNull()) {
        throw missing(p + ".attributeCode", "a term code naming the attribute");
      }
      filters.add(new AttributeFilter(termCode(code, p + ".attributeCode"), filter(f, type, p, true)));
    }
    return filters;
  }

  private Filter filter(JsonNode node, String type, String path, boolean attribute) {
    return switch (type) {
      case "concept" -> new Filter.Concept(
          termCodes(node.get("selectedConcepts"), path + ".selectedConcepts", "selected concept"));
      case "quantity-comparator" -> comparison(node, path);
      case "quantity-range" -> range(node, path);
      case "reference" -> reference(node, path);
      default -> throw new IllegalStateException("unchecked filter type " + type);
    };
  }

  private Filter comparison(JsonNode node, String path) {
    String code = requiredText(node, "comparator", path);
    Comparator comparator = Comparator.ofCode(code).orElseThrow(() -> new Invalid(
        "DR-2003",
        "Unknown comparator `" + code + "` at " + path + ".comparator: expected one of "
            + Comparator.codes() + "."));
    return new Filter.Comparison(comparator, number(node, "value", path), unit(node.get("unit"), path + ".unit"));
  }

  private Filter range(JsonNode node, String path) {
    double min = number(node, "minValue", path);
    double max = number(node, "maxValue", path);
    if (min > max) {
      throw new Invalid(
          "DR-2011",
          "Range at " + path + " has minValue " + fmt(min) + " above maxValue " + fmt(max)
              + ": swap the two values.");
    }
    return new Filter.Range(min, max, unit(node.get("unit"), path + ".unit"));
  }

  private Filter reference(JsonNode node, String path) {
    JsonNode criteria = node.get("criteria");
    String p = path + ".criteria";
    if (criteria == null || criteria.isNull()) {
      throw missing(p, "an array of at least one referenced criterion");
    }
    array(criteria, p, "an array of criteria");
    if (criteria.isEmpty()) {
      throw empty(p, "referenced criterion");
    }
    List<Criterion> list = new ArrayList<>(criteria.size());
    for (int i = 0; i < criteria.size(); i++) {
      list.add(criterion(criteria.get(i), p + "[" + i + "]", false));
    }
    return new Filter.Reference(list);
  }

  private TimeRelation timeRelation(JsonNode node, String path, boolean allowed) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!allowed) {
      throw new Invalid("DR-7410", "Time relation at " + path + " is inside a related or referenced"
          + " criterion: relations cannot be nested; move it to the outer criterion.");
    }
    object(node, path, "an object with `criteria` and `minDays` and/or `maxDays`");
    Filter.Reference related = (Filter.Reference) reference(node, path);
    Double min = node.hasNonNull("minDays") ? number(node, "minDays", path) : null;
    Double max = node.hasNonNull("maxDays") ? number(node, "maxDays", path) : null;
    if (min == null && max == null) {
      throw new Invalid("DR-7411", "Time relation at " + path + " has neither `minDays` nor `maxDays`:"
          + " give at least one, e.g. `\"minDays\": -30, \"maxDays\": 30` for within 30 days.");
    }
    if (min != null && max != null && min > max) {
      throw new Invalid("DR-7412", "Time relation at " + path + " has minDays " + fmt(min)
          + " above maxDays " + fmt(max) + ": swap the two values.");
    }
    return new TimeRelation(related.criteria(), min, max);
  }

  private String unit(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    object(node, path, "a unit object with a UCUM `code`");
    return requiredText(node, "code", path);
  }

  private TimeRestriction timeRestriction(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    object(node, path, "an object with `afterDate` and/or `beforeDate`");
    LocalDate after = date(node.get("afterDate"), path + ".afterDate");
    LocalDate before = date(node.get("beforeDate"), path + ".beforeDate");
    if (after == null && before == null) {
      throw new Invalid("DR-2008", "Time restriction at " + path + " has neither `afterDate` nor `beforeDate`: give at least one.");
    }
    if (after != null && before != null && after.isAfter(before)) {
      throw new Invalid(
          "DR-2008",
          "Time restriction at " + path + " has afterDate `" + after + "` later than beforeDate `" + before
              + "`: swap the two dates.");
    }
    return new TimeRestriction(after, before);
  }

  private LocalDate date(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    String text = node.asText();
    try {
      return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new Invalid("DR-2007", "Invalid date " + shown(node) + " at " + path + ": expected YYYY-MM-DD, e.g. `2024-02-29`.");
    }
  }

  private double number(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      throw missing(path + "." + field, "a number");
    }
    if (!node.isNumber()) {
      throw new Invalid("DR-2004", "Value " + shown(node) + " at " + path + "." + field + " is not a number: write it without quotes.");
    }
    return node.asDouble();
  }

  private String requiredText(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      throw missing(path + "." + field, "a string");
    }
    if (!node.isTextual()) {
      throw new Invalid("DR-2004", "Value " + shown(node) + " at " + path + "." + field + " is not a string: expected a JSON string.");
    }
    return node.asText();
  }

  private String optionalText(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isValueNode()) {
      throw new Invalid("DR-2004", "Value at " + path + "." + field + " is not a string: expected a JSON string.");
    }
    return node.asText();
  }

  private static void object(JsonNode node, String path, String expected) {
    if (node == null || !node.isObject()) {
      throw new Invalid("DR-2004", "Value " + shown(node) + " at " + path + " has the wrong type: expected " + expected + ".");
    }
  }

  private static void array(JsonNode node, String path, String expected) {
    if (!node.isArray()) {
      throw new Invalid("DR-2004", "Value " + shown(node) + " at " + path + " has the wrong type: expected " + expected + ".");
    }
  }

  private static Invalid missing(String path, String expected) {
    return new Invalid("DR-2002", "Missing " + path + ": expected " + expected + ".");
  }

  private static Invalid empty(String path, String what) {
    return new Invalid("DR-2006", "Empty array at " + path + ": add at least one " + what + " or remove the field.");
  }

  private static String shown(JsonNode node) {
    if (node == null || node.isNull()) {
      return "`null`";
    }
    String s = node.isContainerNode() ? (node.isArray() ? "[...]" : "{...}") : node.toString();
    return "`" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "`";
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
