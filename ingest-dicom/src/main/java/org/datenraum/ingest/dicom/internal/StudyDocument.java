package org.datenraum.ingest.dicom.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The de-identified JSON of an imaging study as the DICOM ingest stores it (shaped like a FHIR
 * ImagingStudy: {@code subject}, {@code started}, {@code series} with {@code uid}, {@code modality},
 * {@code bodySite}, {@code instance}), every UID replaced by its pseudonym. Instances merge into
 * the document already stored, so a study that arrives in parts, or again, is one document. Not
 * thread-safe.
 */
public final class StudyDocument {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ObjectNode root;
  private final Set<String> instances = new HashSet<>();
  private int newSeries;
  private int newInstances;

  private StudyDocument(ObjectNode root) {
    this.root = root;
    for (JsonNode s : root.path("series")) {
      for (JsonNode i : s.path("instance")) {
        instances.add(i.path("uid").asText());
      }
    }
  }

  /** A new document for a study. */
  public static StudyDocument create(String id, String patient, String studyKey) {
    ObjectNode root = JSON.createObjectNode();
    root.put("resourceType", "ImagingStudy");
    root.put("id", id);
    root.putObject("meta").putArray("tag").addObject()
        .put("system", "urn:datenraum:source").put("code", "dicom");
    root.put("study", studyKey);
    root.putObject("subject").put("reference", "Patient/" + patient);
    root.putArray("series");
    return new StudyDocument(root);
  }

  /** A document read back from the store. */
  public static StudyDocument parse(byte[] json) {
    try {
      return new StudyDocument((ObjectNode) JSON.readTree(json));
    } catch (IOException | ClassCastException e) {
      throw new UncheckedIOException(new IOException("stored imaging study is not JSON", e));
    }
  }

  public ObjectNode root() {
    return root;
  }

  public String patient() {
    return root.path("subject").path("reference").asText().substring("Patient/".length());
  }

  /** Adds an instance (pseudonymised keys); false when the document already holds it. */
  public boolean add(String seriesKey, String instanceKey, String sopClass, SeriesFields fields) {
    if (!instances.add(instanceKey)) {
      return false;
    }
    if (fields.started() != null && !root.has("started")) {
      root.put("started", fields.started().toString());
    }
    ObjectNode series = series(seriesKey, fields);
    ObjectNode instance = ((ArrayNode) series.get("instance")).addObject();
    instance.put("uid", instanceKey);
    if (sopClass != null) {
      instance.put("sopClass", sopClass);
    }
    newInstances++;
    return true;
  }

  private ObjectNode series(String key, SeriesFields f) {
    ArrayNode all = (ArrayNode) root.get("series");
    for (Iterator<JsonNode> it = all.elements(); it.hasNext(); ) {
      ObjectNode s = (ObjectNode) it.next();
      if (key.equals(s.path("uid").asText())) {
        f.fillMissing(s);
        return s;
      }
    }
    ObjectNode s = all.addObject();
    s.put("uid", key);
    f.fillMissing(s);
    s.putArray("instance");
    newSeries++;
    return s;
  }

  /** Adds the segments of a segmentation instance to its series. */
  public void addSegments(String seriesKey, ArrayNode segments) {
    for (JsonNode s : root.path("series")) {
      if (seriesKey.equals(s.path("uid").asText())) {
        ArrayNode into = s.has("segment") ? (ArrayNode) s.get("segment") : ((ObjectNode) s).putArray("segment");
        into.addAll(segments);
      }
    }
  }

  public int newSeries() {
    return newSeries;
  }

  public int newInstances() {
    return newInstances;
  }

  public byte[] bytes() {
    try {
      return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "StudyDocument[" + instances.size() + " instances]";
  }
}
