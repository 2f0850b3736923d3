package org.datenraum.node.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.datenraum.federation.v1.RequestDocument;

/**
 * Identifies a question independently of its request id and of JSON key order: SHA-256 of the
 * request type, strata, year code and the canonical CCDL. Stateless.
 */
public final class QueryFingerprint {

  private QueryFingerprint() {}

  public static String of(RequestDocument d) {
    StringBuilder sb = new StringBuilder();
    sb.append(d.type().wire()).append('|').append(d.stratify()).append('|')
        .append(d.yearOf() == null ? "" : d.yearOf().toString()).append('|');
    canonical(d.query(), sb);
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  private static void canonical(JsonNode n, StringBuilder sb) {
    if (n.isObject()) {
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      sb.append('{');
      for (String name : names) {
        sb.append('"').append(name).append("\":");
        canonical(n.get(name), sb);
        sb.append(',');
      }
      sb.append('}');
    } else if (n.isArray()) {
      sb.append('[');
      for (JsonNode e : n) {
        canonical(e, sb);
        sb.append(',');
      }
      sb.append(']');
    } else {
      sb.append(n.toString());
    }
  }
}
