package org.datenraum.web.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.datenraum.web.broker.BrokerPortal;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void germanAndEnglishHaveTheSameKeysInEveryBundle() throws IOException {
    for (String bundle : List.of(PortalKit.BUNDLE, BrokerPortal.BUNDLE, BrokerPortal.LABELS,
        BrokerPortal.SURVEILLANCE_BUNDLE, org.datenraum.web.site.SitePortal.BUNDLE)) {
      String base = "/" + bundle.replace('.', '/');
      Properties de = load(base + ".properties");
      Properties en = load(base + "_en.properties");
      assertThat(de.keySet()).as(bundle).isNotEmpty().isEqualTo(en.keySet());
    }
  }

  @Test
  void germanIsTheDefaultAndEnglishIsChosenByCode() {
    List<String> bundles = List.of(PortalKit.BUNDLE, BrokerPortal.BUNDLE);
    assertThat(Messages.of(null, bundles).get("kit.signin")).isEqualTo("Anmelden");
    assertThat(Messages.of("fr", bundles).get("kit.signin")).isEqualTo("Anmelden");
    assertThat(Messages.of("en", bundles).get("kit.signin")).isEqualTo("Sign in");
    assertThat(Messages.of("en", bundles).get("kit.role", "site")).contains("`site`");
    assertThat(Messages.of("de", bundles).get("nav.requests")).isEqualTo("Anfragen");
    assertThat(Messages.of("de", bundles).get("no.such.key")).isEqualTo("??no.such.key??");
  }

  @Test
  void problemsAreWordedByTheirCodeWithTheValuesTheyQuote() {
    List<String> bundles = List.of(PortalKit.BUNDLE, BrokerPortal.BUNDLE);
    Messages de = Messages.of("de", bundles);
    Messages en = Messages.of("en", bundles);
    String notFound = "DR-5404 No request `r-42` of yours.";
    assertThat(de.problem(notFound)).startsWith("DR-5404 Der Broker findet `r-42` nicht").doesNotContain("of yours");
    assertThat(en.problem(notFound)).isEqualTo(notFound);
    assertThat(de.problem("DR-5404 The network has no request.")).startsWith("DR-5404 Der Broker findet das Gesuchte"
        + " nicht");
    assertThat(de.problem("DR-7011 `st-a` is a site's key, for its node only.")).startsWith("DR-7011 `st-a` ist der"
        + " Schlüssel eines Standorts");
    assertThat(de.problem("DR-7063 `2025-13` is not a value for `month`: expected a month such as `2026-11`."))
        .isEqualTo("DR-7063 `2025-13` ist kein gültiger Wert für `month`: erwartet wird ein Wert wie `2026-11`.");
    assertThat(de.problem("DR-9999 Something `x`.")).as("a code the texts do not word").isEqualTo("DR-9999 Something `x`.");
    assertThat(de.problem("Gespeichert.")).isEqualTo("Gespeichert.");
  }

  private static Properties load(String resource) throws IOException {
    try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Properties p = new Properties();
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      return p;
    }
  }
}
