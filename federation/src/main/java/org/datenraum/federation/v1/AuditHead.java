package org.datenraum.federation.v1;

import java.util.regex.Pattern;

/**
 * The latest entry of an audit log, as one end of the network holds it for the other: its
 * sequence number and its MAC. The holder cannot check the MAC (it has no key); it keeps the
 * head so that the log's owner can later show that nothing after it was cut off or rewritten.
 * Added to v1 with {@code PUT/GET /v1/node/audit-head}; peers that predate it answer 404.
 * Immutable.
 *
 * @param seq the entry's sequence number, from 1
 * @param mac the entry's HMAC-SHA-256 (64 lowercase hexadecimal characters)
 */
public record AuditHead(long seq, String mac) {

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public AuditHead {
    if (seq < 1) {
      throw Fields.invalid("seq", "`seq` `" + seq + "` must be an entry number of 1 or more.");
    }
    if (!HEX64.matcher(Fields.required(mac, "mac")).matches()) {
      throw Fields.invalid("mac", "`mac` must be 64 lowercase hexadecimal characters.");
    }
  }
}
