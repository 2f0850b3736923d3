package org.datenraum.federation.v1;

/** A new API key, shown once when it is issued; the broker keeps only its hash. Immutable. */
public record IssuedKey(String name, Role role, String key) {

  public IssuedKey {
    Fields.text(name, "name");
    Fields.required(role, "role");
    Fields.text(key, "key");
  }

  @Override
  public String toString() {
    return "IssuedKey[" + name + ", " + role.wire() + ", key redacted]";
  }
}
