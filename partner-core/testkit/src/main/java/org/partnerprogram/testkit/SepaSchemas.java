package org.partnerprogram.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.partnerprogram.core.export.PainVersion;
import org.xml.sax.SAXException;

/**
 * Validates pain.001 files against the official schemas, which {@code
 * com.github.hbci4j:hbci4j-core} ships; the kit depends on it (LGPL, so keep the kit in test
 * scope).
 */
public final class SepaSchemas {
  private SepaSchemas() {}

  /**
   * Validates a file.
   *
   * @param xml the file's bytes
   * @param version the version it claims to be
   * @throws AssertionError if the schema rejects it, naming the first problem
   */
  public static void validate(byte[] xml, PainVersion version) {
    String xsd =
        version == PainVersion.PAIN_001_001_03 ? "pain.001.001.03.xsd" : "pain.001.001.09.xsd";
    URL schemaUrl = SepaSchemas.class.getClassLoader().getResource(xsd);
    if (schemaUrl == null) {
      throw new AssertionError(
          xsd
              + " is not on the class path (hbci4j-core, a dependency of partner-testkit, ships it)");
    }
    try {
      Schema schema =
          SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(schemaUrl);
      schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    } catch (SAXException e) {
      throw new AssertionError(version + " schema rejects the file: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
