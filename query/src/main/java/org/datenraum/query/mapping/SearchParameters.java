package org.datenraum.query.mapping;

import java.util.Map;

/** FHIR search parameters of the reference mappings, translated to where the facts keep the data. */
final class SearchParameters {

  private static final Map<String, AttributeTarget> KNOWN = Map.ofEntries(
      Map.entry("code", new AttributeTarget.Code()),
      Map.entry("medication.code", new AttributeTarget.Code()),
      Map.entry("medication", new AttributeTarget.Code()),
      Map.entry("class", new AttributeTarget.Code()),
      Map.entry("vaccine-code", new AttributeTarget.Code()),
      Map.entry("mii-provision-provision-code", new AttributeTarget.Code()),
      Map.entry("provision-code", new AttributeTarget.Code()),
      Map.entry("status", new AttributeTarget.Status()),
      Map.entry("clinical-status", new AttributeTarget.Attribute("clinicalStatus")),
      Map.entry("verification-status", new AttributeTarget.Attribute("verificationStatus")),
      Map.entry("body-site", new AttributeTarget.Attribute("bodySite")),
      Map.entry("bodysite", new AttributeTarget.Attribute("bodySite")),
      Map.entry("service-type", new AttributeTarget.Attribute("serviceType")),
      Map.entry("discharge-disposition", new AttributeTarget.Attribute("dischargeDisposition")),
      Map.entry("admit-source", new AttributeTarget.Attribute("admitSource")),
      Map.entry("component-code-value-quantity", new AttributeTarget.Component()),
      Map.entry("component-code-value-concept", new AttributeTarget.Component()),
      Map.entry("diagnose", new AttributeTarget.Reference()),
      Map.entry("diagnosis", new AttributeTarget.Reference()));

  private SearchParameters() {}

  /** The target of a search parameter on a resource type; unknown parameters name an attribute. */
  static AttributeTarget target(String parameter, String resourceType) {
    if (parameter.equals("type") && resourceType.equals("Specimen")) {
      return new AttributeTarget.Code();
    }
    AttributeTarget known = KNOWN.get(parameter);
    return known != null ? known : new AttributeTarget.Attribute(camelCase(parameter));
  }

  static String camelCase(String parameter) {
    StringBuilder out = new StringBuilder(parameter.length());
    boolean upper = false;
    for (char c : parameter.toCharArray()) {
      if (c == '-' || c == '_' || c == '.') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
