package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;

/**
 * {@link AttributeWalker} over de-identified tokens: a frame per object the walker visits decides
 * at the object's end what it yields, since an object's meaning depends on all its members (a
 * {@code coding} member makes it a CodeableConcept whatever came before). Values the tree-based
 * walker would read through a conversion (a number as a code, a null) end streaming instead.
 */
final class AttributeFrames {

  private AttributeFrames() {}

  /** The sink for a resource member that the walker visits (none of {@link AttributeWalker#SKIP}). */
  static TokenSink top(String name, List<Attribute> out) {
    return frame(name, 1, out);
  }

  private static TokenSink frame(String path, int depth, List<Attribute> out) {
    return path.endsWith("extension") || path.endsWith("modifierExtension")
        ? new Extension(depth, out) : new Frame(path, depth, out);
  }

  /** A Coding's system and code, for the caller's list (code required, system "" if absent). */
  static final class CodingReader extends TokenSink {
    private final List<Coding> into;
    private String system;
    private String code;

    CodingReader(List<Coding> into) {
      this.into = into;
    }

    @Override
    void scalar(String name, JsonToken token, Scalar value) {
      if (name.equals("system") || name.equals("code")) {
        if (token != JsonToken.VALUE_STRING) {
          throw StreamFallback.shape();
        }
        if (name.equals("system")) {
          system = value.text();
        } else {
          code = value.text();
        }
      }
    }

    @Override
    void keptArray(String name) {
      open(name, true);
    }

    @Override
    TokenSink open(String name, boolean inArray) {
      if (name.equals("system") || name.equals("code")) {
        throw StreamFallback.shape();
      }
      return NONE;
    }

    @Override
    void close() {
      if (code != null) {
        into.add(new Coding(system == null ? "" : system, code));
      }
    }
  }

  /** One object the walker visits at {@code path}. */
  private static final class Frame extends TokenSink {
    private final Frame parent;
    private final String name;
    private String path;
    private final int depth;
    private final List<Attribute> out;
    /** What the objects inside yield, for when this one yields nothing itself; made on demand. */
    private List<Attribute> children;
    private List<Coding> codings;
    private boolean system;
    private boolean code;
    private boolean value;
    private String systemText;
    private String codeText;
    private String reference;

    Frame(String path, int depth, List<Attribute> out) {
      this(null, path, depth, out);
    }

    /** A frame whose path is its parent's and its name, joined only when an attribute needs it. */
    Frame(Frame parent, String name, int depth, List<Attribute> out) {
      this.parent = parent;
      this.name = name;
      this.depth = depth;
      this.out = out;
    }

    private String path() {
      if (path == null) {
        path = parent == null ? name : parent.path() + "." + name;
      }
      return path;
    }

    @Override
    void member(String name) {
      switch (name) {
        case "coding" -> codings = codings == null ? new ArrayList<>(2) : codings;
        case "system" -> system = true;
        case "code" -> code = true;
        case "value" -> value = true;
        default -> { }
      }
    }

    @Override
    void scalar(String name, JsonToken token, Scalar value) {
      boolean string = token == JsonToken.VALUE_STRING;
      switch (name) {
        case "system" -> systemText = string ? value.text() : null;
        case "code" -> codeText = string ? value.text() : null;
        case "reference" -> reference = string ? value.text() : null;
        default -> { }
      }
    }

    @Override
    void keptArray(String name) {
      if (name.equals("system") || name.equals("code")) {
        throw StreamFallback.shape();
      }
    }

    @Override
    TokenSink open(String name, boolean inArray) {
      if (name.equals("coding")) {
        if (!inArray) {
          throw StreamFallback.shape();
        }
        return new CodingReader(codings);
      }
      if (depth < AttributeWalker.MAX_DEPTH
          && (!AttributeWalker.SKIP.contains(name) || name.equals("code"))) {
        if (children == null) {
          children = new ArrayList<>(4);
        }
        return name.endsWith("extension") || name.endsWith("modifierExtension")
            ? new Extension(depth + 1, children) : new Frame(this, name, depth + 1, children);
      }
      return NONE;
    }

    @Override
    void close() {
      if (codings != null) {
        for (Coding c : codings) {
          out.add(new Attribute(path(), c));
        }
      } else if (system && code && !value) {
        if (codeText == null || systemText == null) {
          throw StreamFallback.shape();
        }
        out.add(new Attribute(path(), new Coding(systemText, codeText)));
      } else if (reference != null) {
        Attribute a = AttributeWalker.referenceAttribute(path(), reference);
        if (a != null) {
          out.add(a);
        }
      } else if (depth < AttributeWalker.MAX_DEPTH && children != null) {
        out.addAll(children);
      }
    }
  }

  /**
   * An extension: keyed by its url, which must come before its values (as FHIR JSON writes it);
   * a {@code valueCode} is an attribute of its own, other values are visited one level deeper.
   */
  private static final class Extension extends TokenSink {
    private final int depth;
    private final List<Attribute> out;
    private final List<Attribute> collected = new ArrayList<>();
    private String key;

    Extension(int depth, List<Attribute> out) {
      this.depth = depth;
      this.out = out;
    }

    @Override
    void member(String name) {
      if (key == null && (name.startsWith("value") || name.equals("extension"))) {
        throw StreamFallback.shape();
      }
    }

    @Override
    void scalar(String name, JsonToken token, Scalar value) {
      if (name.equals("url") || name.equals("valueCode")) {
        if (token != JsonToken.VALUE_STRING) {
          throw StreamFallback.shape();
        }
        String text = value.text();
        if (name.equals("url")) {
          key = "extension(" + text + ")";
        } else {
          collected.add(new Attribute(key, new Coding("", text)));
        }
      }
    }

    @Override
    void keptArray(String name) {
      if (name.equals("url") || name.equals("valueCode")) {
        throw StreamFallback.shape();
      }
    }

    @Override
    TokenSink open(String name, boolean inArray) {
      if (name.equals("url") || name.equals("valueCode")) {
        throw StreamFallback.shape();
      }
      if (name.startsWith("value")) {
        return frame(key, depth + 1, collected);
      }
      if (name.equals("extension") && depth < AttributeWalker.MAX_DEPTH) {
        if (!inArray) {
          throw StreamFallback.shape();
        }
        return new Extension(depth + 1, collected);
      }
      return NONE;
    }

    @Override
    void close() {
      if (key != null) {
        out.addAll(collected);
      }
    }
  }
}
