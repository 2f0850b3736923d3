package org.datenraum.ingest.fhir.internal;

/**
 * The member names of one object: a repeated name ends streaming, since the tree keeps only the
 * last value. A declared name is marked by its number (cheaper than the parser's own check or
 * comparing names), others are compared with the few others seen.
 */
final class MemberNames {

  /** By name number: the {@link #generation} of the object the name was last seen in. */
  private final int[] marks = new int[ElementShapes.names()];
  private int generation;
  private String[] others = new String[4];
  private int size;

  /**
   * Lists of names by depth, reused from resource to resource by one thread: the lists of the
   * objects being walked, innermost last.
   */
  static final class Stack {
    private MemberNames[] lists = new MemberNames[8];
    private int depth;

    /** Forgets every list in use (a walk that ended early leaves some open). */
    void clear() {
      depth = 0;
    }

    /** An empty list for the object just entered. */
    MemberNames enter() {
      if (depth == lists.length) {
        lists = java.util.Arrays.copyOf(lists, depth * 2);
      }
      MemberNames n = lists[depth];
      if (n == null) {
        n = new MemberNames();
        lists[depth] = n;
      }
      depth++;
      n.reset();
      return n;
    }

    /** The object entered last is complete. */
    void leave() {
      depth--;
    }
  }

  private void reset() {
    size = 0;
    if (++generation == 0) {
      java.util.Arrays.fill(marks, 0);
      generation = 1;
    }
  }

  /** Notes a member of an object of this shape: its declared child, or null for another name. */
  ElementShapes.Child add(String name, ElementShapes.Shape shape) {
    ElementShapes.Child declared = shape.child(name);
    if (declared != null) {
      if (marks[declared.number()] == generation) {
        throw StreamFallback.of(StreamFallback.Reason.MALFORMED);
      }
      marks[declared.number()] = generation;
      return declared;
    }
    for (int i = 0; i < size; i++) {
      if (others[i].equals(name)) {
        throw StreamFallback.of(StreamFallback.Reason.MALFORMED);
      }
    }
    if (size == others.length) {
      others = java.util.Arrays.copyOf(others, size * 2);
    }
    others[size++] = name;
    return null;
  }
}
