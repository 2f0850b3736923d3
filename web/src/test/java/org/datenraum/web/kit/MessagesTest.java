package org.datenraum.web.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.List;
import java.util.Properties;
import org.datenraum.web.broker.BrokerPortal;
import org.datenraum.web.site.SitePortal;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void germanAndEnglishHaveTheSameKeysInEveryBundle() throws IOException {
    for (String bundle : List.of(PortalKit.BUNDLE, BrokerPortal.BUNDLE, BrokerPortal.LABELS,
        BrokerPortal.SURVEILLANCE_BUNDLE, SitePortal.BUNDLE, SitePortal.QUARANTINE_BUNDLE)) {
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

  @Test
  void quarantineReasonsAreWordedInGermanWithTheirValuesAndKeptInEnglish() {
    List<String> bundles = List.of(PortalKit.BUNDLE, SitePortal.QUARANTINE_BUNDLE, SitePortal.BUNDLE);
    Messages de = Messages.of("de", bundles);
    Messages en = Messages.of("en", bundles);
    String date = "value `2026-02-30` is not a FHIR date or dateTime: use YYYY, YYYY-MM, YYYY-MM-DD or"
        + " YYYY-MM-DDThh:mm:ss with a time zone.";
    assertThat(de.reason("DR-1020", "`birthDate` " + date)).isEqualTo("Der Wert `2026-02-30` von `birthDate` ist"
        + " kein FHIR-date oder -dateTime: YYYY, YYYY-MM, YYYY-MM-DD oder YYYY-MM-DDThh:mm:ss mit Zeitzone verwenden.");
    assertThat(en.reason("DR-1020", "`birthDate` " + date)).isEqualTo("`birthDate` " + date);
    String parent = "its `parent` `Specimen/s-9` is no Specimen in this load or the store: load the parent specimen"
        + " too, or fix the reference.";
    assertThat(de.problem("DR-7402 " + parent)).isEqualTo("DR-7402 Der Verweis `parent` `Specimen/s-9` ist keine"
        + " Probe dieser Ladung oder des Speichers: die Ausgangsprobe mitladen oder den Verweis korrigieren.");
    assertThat(en.problem("DR-7402 " + parent)).isEqualTo("DR-7402 " + parent);
    assertThat(de.reason("DR-7508", "no patient of the store has the file's Patient ID under the identifier system"
        + " `urn:oid:1.2.3`: load the patient's FHIR data first, or give the right --patient-id-system."))
        .contains("im Kennungssystem `urn:oid:1.2.3`:").doesNotContain("no patient");
    assertThat(de.reason("DR-1007", "file could not be read (Unexpected end-of-input): check that it is complete."))
        .startsWith("Die Datei konnte nicht gelesen werden");
  }

  @Test
  void everyCodeTheIngestsWriteHasAGermanQuarantineReason() throws IOException {
    Properties de = load("/" + SitePortal.QUARANTINE_BUNDLE.replace('.', '/') + ".properties");
    Pattern code = Pattern.compile("\"(DR-\\d{4})\"");
    Set<String> missing = new TreeSet<>();
    for (String module : List.of("ingest-fhir", "ingest-cda", "ingest-dicom")) {
      Path sources = Path.of("..", module, "src", "main", "java");
      assertThat(sources).as(module).isDirectory();
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = code.matcher(Files.readString(f));
          while (m.find()) {
            if (!de.containsKey("problem." + m.group(1))) {
              missing.add(m.group(1) + " (" + f.getFileName() + ")");
            }
          }
        }
      }
    }
    assertThat(missing).as("codes of the ingests without a German reason").isEmpty();
  }

  @Test
  void everySurveillanceIndicatorHasAGermanName() throws IOException {
    Messages de = Messages.of("de", List.of(BrokerPortal.SURVEILLANCE_BUNDLE));
    int indicators = 0;
    for (String table : List.of("syndromes.tsv", "pathogens.tsv")) {
      try (InputStream in = MessagesTest.class.getResourceAsStream("/org/datenraum/surveillance/syndromic/" + table)) {
        assertThat(in).as(table).isNotNull();
        for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank() && !line.startsWith("#")) {
            String[] cells = line.split("\t");
            assertThat(de.get("surveillance.indicator." + cells[0])).as(cells[0]).doesNotStartWith("??")
                .isNotEqualTo(cells[1].equals("COVID-19") || cells[1].startsWith("SARS") || cells[1].equals("Norovirus")
                    ? "" : cells[1]);
            indicators++;
          }
        }
      }
    }
    assertThat(indicators).isEqualTo(12);
    assertThat(de.getOr("surveillance.age.all", "all")).isEqualTo("alle");
    assertThat(de.getOr("surveillance.age.35-59", "35-59")).isEqualTo("35-59");
  }

  private static Properties load(String resource) throws IOException {
    try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Properties p = new Properties();
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      return p;
    }
  }

  @Test
  void numbersUseTheDecimalCommaAndThousandsPointInGermanAndTheReverseInEnglish() {
    Messages de = Messages.of("de", List.of(PortalKit.BUNDLE));
    Messages en = Messages.of("en", List.of(PortalKit.BUNDLE));
    assertThat(de.number(1234567)).isEqualTo("1.234.567");
    assertThat(en.number(1234567)).isEqualTo("1,234,567");
    assertThat(de.number(999)).isEqualTo("999");
    assertThat(de.decimal(6.5, 4)).isEqualTo("6,5");
    assertThat(en.decimal(6.5, 4)).isEqualTo("6.5");
    assertThat(de.decimal(12, 4)).as("a whole number has no decimals").isEqualTo("12");
    assertThat(de.decimal(1234.56789, 4)).isEqualTo("1.234,5679");
    assertThat(de.fixed(3.4, 2)).isEqualTo("3,40");
    assertThat(en.fixed(3.4, 2)).isEqualTo("3.40");
    assertThat(de.fixed(2.125, 2)).as("halves round up, as %.2f did").isEqualTo("2,13");
    assertThat(de.percent(1, 3)).isEqualTo("33,3 %");
    assertThat(en.percent(2, 3)).isEqualTo("66.7 %");
    assertThat(de.percent(0, 0)).isEqualTo("–");
  }
}
