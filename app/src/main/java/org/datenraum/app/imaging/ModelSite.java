package org.datenraum.app.imaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;
import org.datenraum.ingest.dicom.DicomSource;
import org.datenraum.ingest.dicom.PixelHistogram;
import org.datenraum.registry.imaging.BiomarkerRun;
import org.datenraum.registry.imaging.HuHistogram;
import org.datenraum.registry.imaging.StudyInput;
import org.datenraum.store.SiteStore;

/**
 * The site as a model run sees it: the CT studies whose files the site index knows, their stored
 * study documents, and the attenuation histogram of their CT series read from the files here.
 */
public final class ModelSite implements BiomarkerRun.Site {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SiteStore store;
  private final Map<String, Map<String, List<Path>>> ctSeries = new LinkedHashMap<>();

  public ModelSite(SiteStore store, List<DicomSource> sources) {
    this.store = store;
    for (DicomSource s : sources) {
      if ("CT".equals(s.modality())) {
        ctSeries.computeIfAbsent(s.studyId(), k -> new LinkedHashMap<>())
            .computeIfAbsent(s.seriesKey(), k -> new ArrayList<>()).add(s.file());
      }
    }
  }

  @Override
  public List<String> studies() {
    return List.copyOf(ctSeries.keySet());
  }

  @Override
  public boolean has(ResourceKey key) {
    return store.resourceJson(key).isPresent();
  }

  @Override
  public Optional<StudyInput> input(String studyId) throws Exception {
    Optional<String> json = store.resourceJson(new ResourceKey("ImagingStudy", studyId));
    if (json.isEmpty()) {
      return Optional.empty();
    }
    JsonNode doc = JSON.readTree(json.get());
    Map<String, List<Path>> series = ctSeries.get(studyId);
    List<Path> files = new ArrayList<>();
    series.values().forEach(files::addAll);
    long[] counts = PixelHistogram.of(files, HuHistogram.LOW, HuHistogram.WIDTH, HuHistogram.BINS);
    String patient = doc.path("subject").path("reference").asText().substring("Patient/".length());
    Instant time = doc.hasNonNull("started") ? Instant.parse(doc.get("started").asText()) : null;
    return Optional.of(new StudyInput(studyId, patient, doc.path("study").asText(), time,
        List.copyOf(series.keySet()), HuHistogram.of(counts)));
  }

  @Override
  public void write(ResourceRecord record) {
    store.write(new WriteBatch(List.of(record), List.of(), Map.of(), List.of()));
  }
}
