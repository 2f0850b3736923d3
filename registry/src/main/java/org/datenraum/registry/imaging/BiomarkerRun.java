package org.datenraum.registry.imaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;

/**
 * Runs a model over the studies of a site that lack its output (the same model name, version and
 * checksum): a rerun computes nothing new. A study whose data cannot be read is counted as failed
 * with its reason; the others go on.
 */
public final class BiomarkerRun {

  /** What the run needs of the site. */
  public interface Site {
    /** The ids of the studies a model may run on. */
    List<String> studies();

    /** Whether the store holds this record. */
    boolean has(ResourceKey key);

    /** The model's input for a study, read at the site; empty when the study has none (no CT). */
    Optional<StudyInput> input(String studyId) throws Exception;

    void write(ResourceRecord record);
  }

  /** What a run did; {@code failures} name the study ids and reasons. */
  public record Summary(int studies, int computed, int alreadyDone, int withoutInput, List<String> failures) {
    public Summary {
      failures = List.copyOf(failures);
    }
  }

  private BiomarkerRun() {}

  public static Summary run(ImagingModel model, Site site) {
    int computed = 0;
    int done = 0;
    int without = 0;
    List<String> failures = new ArrayList<>();
    List<String> studies = site.studies();
    for (String id : studies) {
      if (site.has(BiomarkerRecords.key(model.info(), id))) {
        done++;
        continue;
      }
      Optional<StudyInput> input;
      try {
        input = site.input(id);
      } catch (Exception e) {
        failures.add(id + ": " + e.getMessage());
        continue;
      }
      if (input.isEmpty()) {
        without++;
        continue;
      }
      site.write(BiomarkerRecords.record(model.info(), input.get(), model.run(input.get())));
      computed++;
    }
    return new Summary(studies.size(), computed, done, without, failures);
  }
}
