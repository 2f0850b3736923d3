package org.datenraum.node;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Fact;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.privacy.BroadConsent;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.store.SiteStore;

/**
 * The report {@code inventory}: what kinds of data a site holds, as the number of patients with at
 * least one resource of each clinical type the fact contract reads (types outside it count under
 * {@code other}). Population: the patients the consent policy lets count. No parameters. Reads the
 * whole fact table once.
 */
public final class InventoryReport implements SiteReport {

  /** The report's cells: the clinical resource types of the fact contract, then {@code other}. */
  public static final List<String> TYPES = List.of("Encounter", "Condition", "Observation", "Procedure",
      "MedicationAdministration", "MedicationStatement", "MedicationRequest", "Specimen", "Consent",
      "DiagnosticReport", "ImagingStudy", "other");

  private final SiteStore store;

  public InventoryReport(SiteStore store) {
    this.store = requireNonNull(store, "store");
  }

  @Override
  public String name() {
    return "inventory";
  }

  @Override
  public Result<ReportCells> cells(Map<String, String> parameters, LocalDate today, ConsentPolicy consent) {
    if (!parameters.isEmpty()) {
      return Result.fail(Problem.invalid("DR-5652", "the report `inventory` takes no parameters, not "
          + parameters.keySet() + "."));
    }
    Map<String, Set<String>> byType = new LinkedHashMap<>();
    TYPES.forEach(t -> byType.put(t, new HashSet<>()));
    Map<String, List<Fact>> consents = new HashMap<>();
    try (var facts = store.facts()) {
      facts.forEach(f -> {
        byType.getOrDefault(f.resourceType(), byType.get("other")).add(f.patient());
        if (BroadConsent.isResearchUse(f)) {
          consents.computeIfAbsent(f.patient(), k -> new ArrayList<>()).add(f);
        }
      });
    }
    Set<String> counted = new HashSet<>();
    try (var patients = store.patients()) {
      patients.forEach(p -> {
        var permitted = BroadConsent.researchPermitted(consents.getOrDefault(p.pseudonym(), List.of()).stream());
        if (BroadConsent.counted(consent, permitted)) {
          counted.add(p.pseudonym());
        }
      });
    }
    byType.values().forEach(s -> s.retainAll(counted));
    return Result.ok(new ReportCells(counted, Map.of("resourceType", byType)));
  }
}
