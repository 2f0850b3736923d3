package org.datenraum.federation.v1;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;

/**
 * Turns the JSON library's failures into {@link WireFormatException}s that name the field and say,
 * in the words of the wire format, what was expected: no class names, no parser vocabulary.
 */
final class WireErrors {

  private WireErrors() {}

  /** The failure {@code e} of reading {@code json}. */
  static WireFormatException of(JsonProcessingException e, String json) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StreamReadException syntax) {
        return syntax(syntax, json);
      }
    }
    if (e instanceof JsonMappingException m) {
      return mapping(m, json);
    }
    return syntax(e, json);
  }

  private static WireFormatException syntax(JsonProcessingException e, String json) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith("Duplicate field") && e instanceof StreamReadException s && s.getProcessor() != null) {
      String field = path(s.getProcessor().getParsingContext());
      return new WireFormatException(field, "Field `" + field + "` appears twice: send each field once.");
    }
    if (message.startsWith("Unexpected end-of-input") || message.contains("end-of-input")) {
      return new WireFormatException("$", "The body ends before its JSON value is complete" + at(e)
          + ": send one whole JSON document.");
    }
    if (firstValueComplete(json)) {
      return trailing(e);
    }
    return new WireFormatException("$", "The body is not valid JSON" + at(e) + ": send one JSON document.");
  }

  private static WireFormatException trailing(JsonProcessingException e) {
    return new WireFormatException("$", "The body holds more after its JSON value" + at(e)
        + ": send exactly one JSON document.");
  }

  /** Whether the text starts with one whole JSON value (so what fails lies after it). */
  private static boolean firstValueComplete(String json) {
    try (JsonParser p = WireJson.mapper().getFactory().createParser(json)) {
      if (p.nextToken() == null) {
        return false;
      }
      p.skipChildren();
      return true;
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  private static WireFormatException mapping(JsonMappingException e, String json) {
    String field = path(e);
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof Fields.Invalid) && cause.getCause() != null && cause != cause.getCause()) {
      cause = cause.getCause();
    }
    if (cause instanceof Fields.Invalid invalid) {
      String base = field.equals("$") ? "$" : field;
      return new WireFormatException(base + "." + invalid.field(), invalid.getMessage());
    }
    if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
      return new WireFormatException(field, "Field `" + field + "` is invalid: " + cause.getMessage());
    }
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith("Trailing token")) {
      return trailing(e);
    }
    if (message.startsWith("No content to map")) {
      return new WireFormatException("$", "The body is empty: expected a JSON document.");
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      String given = given(e, json);
      String expected = expected(mismatch.getTargetType());
      return new WireFormatException(field, (field.equals("$") ? "The body" : "Field `" + field + "`")
          + " must be " + expected + given + ".");
    }
    return new WireFormatException(field, (field.equals("$") ? "The body" : "Field `" + field + "`")
        + " does not have the form the v1 wire format gives it: see /v1/openapi.json.");
  }

  /** What a field of this type holds, in words. */
  private static String expected(Class<?> type) {
    if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
      return "a whole number (a JSON number without fraction)";
    }
    if (type == Double.class || type == double.class) {
      return "a JSON number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "`true` or `false`";
    }
    if (type == String.class || type.isEnum()) {
      return "a JSON string";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON list";
    }
    if (JsonNode.class.isAssignableFrom(type)) {
      return "a JSON value";
    }
    return Map.class.isAssignableFrom(type) || type.isRecord() ? "a JSON object" : "a JSON value of its documented form";
  }

  /** What was sent instead, with the value where it is a short scalar; found again in the text. */
  private static String given(JsonMappingException e, String json) {
    JsonNode node;
    try {
      node = WireJson.mapper().readTree(json);
    } catch (JsonProcessingException unreadable) {
      return "";
    }
    for (JsonMappingException.Reference r : e.getPath()) {
      node = node == null ? null : r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
    }
    if (node == null) {
      return "";
    }
    String text = node.isValueNode() ? node.asText() : "";
    String shown = text.length() > 40 ? "" : " `" + text + "`";
    return switch (node.getNodeType()) {
      case STRING -> ", not the text" + shown;
      case NUMBER -> node.isIntegralNumber() ? ", not the number" + shown : ", not the fractional number" + shown;
      case BOOLEAN -> ", not" + shown;
      case NULL -> ", not `null`";
      case ARRAY -> ", not a list";
      case OBJECT -> ", not an object";
      default -> "";
    };
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String path(JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      path.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
    }
    return "$" + path;
  }

  private static String at(JsonProcessingException e) {
    JsonLocation l = e.getLocation();
    return l == null || l.getLineNr() < 1 ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
  }
}
