package org.datenraum.node.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.datenraum.federation.v1.RequestDocument;

/**
 * Identifies a question independently of its request id and of its wording: SHA-256 of the
 * request type, strata, year code and the canonical CCDL. In canonical CCDL, {@code display}
 * texts are removed, object keys sorted, numbers written without trailing zeros, and every array
 * is sorted and freed of duplicates: every CCDL array is a set (OR of term codes, AND of
 * OR-groups, OR of AND-groups, selected concepts, attribute filters). Stateless.
 */
public final class QueryFingerprint {

  private QueryFingerprint() {}

  public static String of(RequestDocument d) {
    StringBuilder sb = new StringBuilder();
    sb.append(d.type().wire()).append('|').append(d.stratify()).append('|')
        .append(d.yearOf() == null ? "" : d.yearOf().toString()).append('|')
        .append(canonical(d.query()));
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  /** The canonical text of a CCDL document (or any part of one). */
  static String canonical(JsonNode n) {
    if (n.isObject()) {
      TreeMap<String, String> fields = new TreeMap<>();
      n.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("display")) {
          fields.put(e.getKey(), canonical(e.getValue()));
        }
      });
      List<String> parts = new ArrayList<>();
      fields.forEach((k, v) -> parts.add(quoted(k) + ":" + v));
      return "{" + String.join(",", parts) + "}";
    }
    if (n.isArray()) {
      TreeSet<String> members = new TreeSet<>();
      n.forEach(e -> members.add(canonical(e)));
      return "[" + String.join(",", members) + "]";
    }
    if (n.isNumber()) {
      BigDecimal v = n.decimalValue().stripTrailingZeros();
      return v.signum() == 0 ? "0" : v.toPlainString();
    }
    return n.isTextual() ? quoted(n.asText()) : n.toString();
  }

  private static String quoted(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }
}
