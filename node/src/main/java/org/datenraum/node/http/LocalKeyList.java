package org.datenraum.node.http;

import java.util.List;

/** The content of the site's local key file. Immutable. */
record LocalKeyList(List<LocalKeyEntry> keys) {

  LocalKeyList {
    keys = keys == null ? List.of() : List.copyOf(keys);
  }
}
