package org.datenraum.ingest.fhir.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What de-identification does with each element of each FHIR R4 resource type: the element types
 * of R4 ({@code r4-elements.tsv}) combined with {@link DeidentificationRules}. Built once;
 * immutable and thread-safe.
 */
final class ElementShapes {

  /** What happens to an element that is not a composite to walk into. */
  enum Action { KEEP, DROP, REFERENCE }

  /**
   * A declared child: its rule (an {@link Action} or a Shape), its name as the stored JSON writes
   * it, in quotes, encoded once ({@link JsonBytes#quoted}), and the number of its name (the same
   * for every shape that declares the name; below {@link #names()}).
   */
  record Child(Object rule, byte[] name, int number) {}

  /** Numbers of declared member names, in the order first declared. */
  private static final Map<String, Integer> NUMBERS = new HashMap<>();

  /** The rules for the children of one kind of element; a child is an {@link Action} or a Shape. */
  static final class Shape {
    private final Map<String, Child> children = new HashMap<>();

    /** The rule for a JSON member name; unknown names are dropped. */
    Object rule(String name) {
      Child child = children.get(name);
      if (child != null) {
        return child.rule();
      }
      if (name.length() > 1 && name.charAt(0) == '_') {
        Child base = children.get(name.substring(1));
        return base == null || base.rule() == Action.DROP ? Action.DROP : ELEMENT;
      }
      return Action.DROP;
    }

    /** The declared child of this name; null for others (see {@link #rule}). */
    Child child(String name) {
      return children.get(name);
    }

    private void put(String name, Object rule) {
      // interned as the parser's member names are: a look-up then finds its key by identity
      String key = name.intern();
      int number = NUMBERS.computeIfAbsent(key, k -> NUMBERS.size());
      children.put(key, new Child(rule, JsonBytes.quoted(name), number));
    }
  }

  private static final Map<String, Map<String, String>> TYPES = load();
  private static final Map<String, Shape> SHAPES = new HashMap<>();
  /** A primitive's sibling {@code _name}: its id and extensions. */
  private static final Shape ELEMENT = new Shape();
  private static final Map<String, Shape> RESOURCES = new HashMap<>();

  static {
    ELEMENT.put("extension", shape("Extension"));
    TYPES.forEach((owner, children) -> {
      if (children.containsKey("resourceType")) {
        RESOURCES.put(owner, shape(owner));
      }
    });
  }

  private ElementShapes() {}

  /** How many member names are declared: every {@link Child#number} is below it. */
  static int names() {
    return NUMBERS.size();
  }

  /** The shape of a resource type; null for a type R4 does not define. */
  static Shape ofResource(String type) {
    return RESOURCES.get(type);
  }

  private static Shape shape(String owner) {
    Shape known = SHAPES.get(owner);
    if (known != null) {
      return known;
    }
    Shape s = new Shape();
    SHAPES.put(owner, s);
    Map<String, String> declared = TYPES.getOrDefault(owner, Map.of());
    boolean resource = declared.containsKey("resourceType");
    if (!resource) {
      s.put("id", rule(owner, "id", "string"));
    }
    s.put("extension", shape("Extension"));
    s.put("modifierExtension", shape("Extension"));
    declared.forEach((name, type) -> s.put(name, rule(owner, name, type)));
    return s;
  }

  private static Object rule(String owner, String name, String type) {
    Object special = DeidentificationRules.element(owner, name);
    if (special instanceof Action a) {
      return a;
    }
    if (special instanceof String shapeOf) {
      return derived(shapeOf, type);
    }
    if (DeidentificationRules.DROPPED_TYPES.contains(type)) {
      return Action.DROP;
    }
    return TYPES.containsKey(type) ? shape(type) : Action.KEEP;
  }

  /** A composite type's shape in which the named child is kept ({@code CodeableConcept.text}). */
  private static Shape derived(String keptChild, String type) {
    Shape base = shape(type);
    Shape copy = new Shape();
    copy.children.putAll(base.children);
    copy.put(keptChild, Action.KEEP);
    return copy;
  }

  private static Map<String, Map<String, String>> load() {
    Map<String, Map<String, String>> types = new HashMap<>();
    try (InputStream in = ElementShapes.class.getResourceAsStream("r4-elements.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        Map<String, String> children = types.computeIfAbsent(f[0], k -> new LinkedHashMap<>());
        if (f[1].endsWith("[x]")) {
          String stem = f[1].substring(0, f[1].length() - 3);
          for (String t : f[2].split(",")) {
            children.put(stem + Character.toUpperCase(t.charAt(0)) + t.substring(1), t);
          }
        } else {
          children.put(f[1], f[2]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the FHIR R4 element types could not be read", e);
    }
    types.values().forEach(children -> {
      if (children.containsKey("meta")) {
        children.put("resourceType", "code");
      }
    });
    return types;
  }
}
