package org.datenraum.app.demo;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.Stratum;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.WireJson;

/**
 * A question the demo asks the network: a CCDL query shipped with the application, counted as a
 * whole or by strata. Immutable.
 *
 * @param title    what is asked, in words
 * @param file     the query's file name (a resource beside this class)
 * @param stratify the strata; empty for a feasibility count
 */
public record DemoQuestion(String title, String file, List<Stratum> stratify) {

  public DemoQuestion {
    requireNonNull(title, "title");
    requireNonNull(file, "file");
    stratify = List.copyOf(stratify);
  }

  /** The demo's questions: a feasibility count, then a stratified count. */
  public static List<DemoQuestion> all() {
    return List.of(
        new DemoQuestion("Feasibility count: type 2 diabetes (ICD-10-GM E11) and aged 60 or older",
            "diabetes-60plus.json", List.of()),
        new DemoQuestion("Stratified count: type 2 diabetes by sex and 10-year age band", "diabetes.json",
            List.of(Stratum.SEX, Stratum.AGE)));
  }

  /** The CCDL text. */
  public String ccdl() {
    try (InputStream in = DemoQuestion.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("the demo query " + file + " is missing from the application");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Submission submission() {
    try {
      return new Submission(stratify.isEmpty() ? RequestType.FEASIBILITY : RequestType.STRATIFIED,
          WireJson.mapper().readTree(ccdl()), stratify, null, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
