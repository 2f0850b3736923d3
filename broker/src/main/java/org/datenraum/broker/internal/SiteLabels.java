package org.datenraum.broker.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Random labels that replace site names in a breakdown: HMAC-SHA-256 of (request, site) under a
 * broker secret, so a label is stable for one request (and across restarts) but cannot be
 * followed from one request to the next. Thread-safe.
 */
public final class SiteLabels {

  private final byte[] secret;

  private SiteLabels(byte[] secret) {
    this.secret = secret;
  }

  /** Loads the broker's label secret, creating it on first start. */
  public static SiteLabels load(Database db) {
    String hex = db.transaction(c -> {
      List<String> found = Database.query(c, "SELECT value FROM setting WHERE name = 'label-secret'", rs -> rs.getString(1));
      if (!found.isEmpty()) {
        return found.get(0);
      }
      byte[] b = new byte[32];
      new SecureRandom().nextBytes(b);
      String v = HexFormat.of().formatHex(b);
      Database.update(c, "INSERT INTO setting VALUES ('label-secret', ?)", v);
      return v;
    });
    return new SiteLabels(HexFormat.of().parseHex(hex));
  }

  String label(String requestId, String site) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] h = mac.doFinal((requestId + "/" + site).getBytes(StandardCharsets.UTF_8));
      return "site-" + HexFormat.of().formatHex(h, 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
    }
  }
}
