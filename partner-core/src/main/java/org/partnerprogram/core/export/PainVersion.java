package org.partnerprogram.core.export;

/** The pain.001 customer credit transfer versions the writer produces. */
public enum PainVersion {
  /** pain.001.001.03: the long-standing format of Dutch and German banks (EPC rules). */
  PAIN_001_001_03("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03", "BIC"),
  /** pain.001.001.09: the EPC 2023 rulebook format ({@code BICFI}, execution date as a choice). */
  PAIN_001_001_09("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09", "BICFI");

  private final String namespace;
  private final String bicElement;

  PainVersion(String namespace, String bicElement) {
    this.namespace = namespace;
    this.bicElement = bicElement;
  }

  /**
   * The XML namespace of the version.
   *
   * @return the namespace URN
   */
  public String namespace() {
    return namespace;
  }

  String bicElement() {
    return bicElement;
  }
}
