package org.datenraum.web.kit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a kept session holds instead of its id: the id's hash to find it by, the form token
 * derived from the id, and the user's key sealed (AES-256-GCM) under a key derived from the id.
 * Whoever reads the kept sessions learns neither ids nor keys. Stateless and thread-safe.
 */
final class SessionSeal {

  private static final int NONCE = 12;

  private SessionSeal() {}

  /** The hash a session is kept under (hex SHA-256 of the id with its own label). */
  static String idHash(String id) {
    return HexFormat.of().formatHex(digest("datenraum page session id|" + id));
  }

  /** The session's form token: derived from the id, so it needs no keeping and reveals nothing of the id. */
  static String csrf(String id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest("datenraum page session csrf|" + id));
  }

  /** The credential sealed under the id's key, as Base64 of nonce and ciphertext with its tag. */
  static String seal(String id, String credential, SecureRandom random) {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    try {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, id, nonce);
      byte[] sealed = c.doFinal(credential.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed)
          .array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** The credential, or empty when the sealed text is not one sealed under this id's key. */
  static Optional<String> unseal(String id, String sealed) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      if (all.length <= NONCE) {
        return Optional.empty();
      }
      byte[] nonce = java.util.Arrays.copyOf(all, NONCE);
      byte[] plain = cipher(Cipher.DECRYPT_MODE, id, nonce).doFinal(all, NONCE, all.length - NONCE);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  private static Cipher cipher(int mode, String id, byte[] nonce) throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(digest("datenraum page session key|" + id), "AES"), new GCMParameterSpec(128, nonce));
    return c;
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
