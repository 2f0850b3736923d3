package org.datenraum.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.datenraum.app.site.ProgressBar;
import org.datenraum.core.Result;
import org.datenraum.generator.GenerationSummary;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.datenraum.generator.OutbreakSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum generate}: writes a synthetic German hospital as FHIR R4 NDJSON. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a synthetic hospital (FHIR R4 NDJSON, one file per resource type,"
        + " German coding in the MII core data set profiles). Same arguments, same bytes.")
final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, description = "Output directory (files replaced).")
  Path out;

  @Option(names = "--patients", description = "Patients (default: the site's yearly patients).")
  Long patients;

  @Option(names = "--seed", defaultValue = "1", converter = Converters.AnyLong.class,
      description = "Random seed (default: 1).")
  long seed;

  @Option(names = "--site", defaultValue = "Universitätsklinikum Musterstadt",
      description = "Hospital name; different names give different size and case mix (default: ${DEFAULT-VALUE}).")
  String site;

  @Option(names = "--start", description = "First day, YYYY-MM-DD (default: 2024-01-01).")
  LocalDate start;

  @Option(names = "--years", defaultValue = "2", description = "Years covered (default: 2).")
  int years;

  @Option(names = "--outbreak", paramLabel = "SPEC",
      description = "Planted outbreak PATHOGEN@YYYY-MM-DD:DAYSd:+CASES, e.g."
          + " norovirus@2025-02-01:14d:+40 (pathogens: norovirus, influenza, rsv, covid);"
          + " repeatable.")
  List<String> outbreaks = new ArrayList<>();

  @Option(names = "--cohort", paramLabel = "NAME", description = "Also a cohort study of this name:"
      + " ResearchStudy, ResearchSubjects with arm and enrolment, study visits, a Questionnaire and"
      + " a QuestionnaireResponse per visit, for a share of the consenting adult patients.")
  String cohort;

  @Option(names = "--gzip", description = "Write Type.ndjson.gz instead of Type.ndjson.")
  boolean gzip;

  @Option(names = "--threads", description = "Worker threads (default: available processors).")
  Integer threads;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Result<GeneratorConfig> config = config();
    if (!config.isOk()) {
      err.println("datenraum generate: " + config.problem().text());
      return 1;
    }
    Result<String> study = HospitalGenerator.cohortName(cohort == null ? "none" : cohort);
    if (!study.isOk()) {
      err.println("datenraum generate: " + study.problem().text());
      return 1;
    }
    HospitalGenerator generator = cohort == null ? HospitalGenerator.of(config.value())
        : HospitalGenerator.of(config.value()).withCohort(cohort);
    ProgressBar bar = ProgressBar.onStderr("resources", false);
    long started = System.nanoTime();
    GenerationSummary s = generator.writeTo(out,
        threads != null ? threads : Runtime.getRuntime().availableProcessors(), gzip,
        (done, total, resources, bytes) -> bar.update(done, total, resources));
    bar.finish();
    double seconds = (System.nanoTime() - started) / 1e9;
    PrintWriter o = spec.commandLine().getOut();
    o.printf("Wrote %,d patients, %,d resources, %,d bytes to %s in %.1f s"
            + " (%,.0f patients/s, %,.0f resources/s).%n", s.patients(), s.totalResources(),
        s.bytes(), out, seconds, s.patients() / seconds, s.totalResources() / seconds);
    StringBuilder types = new StringBuilder();
    for (Map.Entry<String, Long> e : s.resources().entrySet()) {
      types.append(types.length() == 0 ? "  " : ", ").append(e.getKey()).append(' ')
          .append(String.format("%,d", e.getValue()));
    }
    o.println(types);
    return 0;
  }

  Result<GeneratorConfig> config() {
    List<OutbreakSpec> specs = new ArrayList<>();
    for (String text : outbreaks) {
      Result<OutbreakSpec> r = OutbreakSpec.parse(text);
      if (!r.isOk()) {
        return Result.fail(r.problem());
      }
      specs.add(r.value());
    }
    long n = patients != null ? patients : HospitalGenerator.defaultPatients(site);
    return GeneratorConfig.of(n, seed, site, start != null ? start : GeneratorConfig.DEFAULT_START,
        years, specs);
  }
}
