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
    for (String bundle : List.of(PortalKit.BUNDLE, BrokerPortal.BUNDLE, BrokerPortal.SURVEILLANCE_BUNDLE, org.datenraum.web.site.SitePortal.BUNDLE)) {
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

  private static Properties load(String resource) throws IOException {
    try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Properties p = new Properties();
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      return p;
    }
  }
}
