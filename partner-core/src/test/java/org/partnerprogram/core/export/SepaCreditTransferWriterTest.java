package org.partnerprogram.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.InvalidIbanException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.testkit.SepaSchemas;

class SepaCreditTransferWriterTest {
  static final SepaDebtor DEBTOR = SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300");

  static SepaBatch batch(SepaDebtor debtor, SepaTransfer... transfers) {
    return new SepaBatch(
        "PP-2026-11",
        Instant.parse("2026-12-01T08:00:00.123456Z"),
        LocalDate.parse("2026-12-02"),
        debtor,
        List.of(transfers));
  }

  static SepaTransfer transfer(String id, String name, String iban, String amount) {
    return new SepaTransfer(
        id, name, Iban.parse(iban), Money.of(amount, "EUR"), "Partnerprogramma 2026-11 " + id);
  }

  static void validate(byte[] xml, PainVersion version) {
    SepaSchemas.validate(xml, version);
  }

  @ParameterizedTest
  @EnumSource(PainVersion.class)
  void cyrillicAndGreekNamesGoOutTransliteratedAndTheFileStillValidates(PainVersion version) {
    SepaBatch batch =
        batch(
            DEBTOR,
            transfer("PP-2026-11-0001", "J. Петров", "BG80BNBG96611020345678", "10.00"),
            transfer(
                "PP-2026-11-0002", "Γιώργος Παπαδόπουλος", "GR1601101250000000012300695", "20.00"),
            transfer("PP-2026-11-0003", "\u0410dam Łukasz", "NL91ABNA0417164300", "30.00"),
            transfer("PP-2026-11-0004", "ΕΥΑΓΓΕΛΟΣ ΖΗΣΗΣ", "CY17002001280000001200527600", "0.01"));

    byte[] xml = SepaCreditTransferWriter.write(batch, version);

    validate(xml, version);
    String text = new String(xml, StandardCharsets.UTF_8);
    assertThat(text)
        .contains("<Nm>J. Petrov</Nm>")
        .contains("<Nm>Giorgos Papadopoulos</Nm>")
        .contains("<Nm>Adam Lukasz</Nm>")
        .contains("<Nm>EVANGELOS ZISIS</Nm>");
  }

  @ParameterizedTest
  @EnumSource(PainVersion.class)
  void writesAFileTheSchemaAccepts(PainVersion version) throws Exception {
    SepaBatch batch =
        batch(
            DEBTOR,
            transfer("PP-2026-11-0001", "Jan de Vries", "NL91ABNA0417164300", "125.50"),
            transfer(
                "PP-2026-11-0002", "Zoë Ørsted-Müller & Zn.", "DE89370400440532013000", "0.01"));

    byte[] xml = SepaCreditTransferWriter.write(batch, version);

    validate(xml, version);
    String text = new String(xml, StandardCharsets.UTF_8);
    assertThat(text).contains("<NbOfTxs>2</NbOfTxs>").contains("<CtrlSum>125.51</CtrlSum>");
    assertThat(text).contains("<Nm>Zoe Orsted-Muller + Zn.</Nm>");
    assertThat(text).contains("<CreDtTm>2026-12-01T08:00:00Z</CreDtTm>");
    assertThat(text).contains("<Id>NOTPROVIDED</Id>");
    assertThat(text)
        .contains(
            version == PainVersion.PAIN_001_001_09
                ? "<Dt>2026-12-02</Dt>"
                : "<ReqdExctnDt>2026-12-02</ReqdExctnDt>");
  }

  @ParameterizedTest
  @EnumSource(PainVersion.class)
  void writesTheDebtorBicInTheVersionsElement(PainVersion version) throws Exception {
    SepaDebtor withBic =
        new SepaDebtor("Hosting B.V.", Iban.parse("NL91ABNA0417164300"), Optional.of("ABNANL2A"));
    byte[] xml =
        SepaCreditTransferWriter.write(
            batch(withBic, transfer("E1", "Jan", "NL91ABNA0417164300", "1.00")), version);
    validate(xml, version);
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .contains(
            version == PainVersion.PAIN_001_001_09
                ? "<BICFI>ABNANL2A</BICFI>"
                : "<BIC>ABNANL2A</BIC>");
  }

  @Test
  void exportingTheSameBatchAgainIsByteIdentical() {
    SepaBatch batch = batch(DEBTOR, transfer("E1", "Jan", "NL91ABNA0417164300", "1.00"));
    assertThat(SepaCreditTransferWriter.write(batch, PainVersion.PAIN_001_001_03))
        .isEqualTo(SepaCreditTransferWriter.write(batch, PainVersion.PAIN_001_001_03));
  }

  @Test
  void longNamesAndRemittanceAreCutToTheSchemasLengths() throws Exception {
    SepaTransfer t =
        new SepaTransfer(
            "E1",
            "Ö".repeat(100),
            Iban.parse("NL91ABNA0417164300"),
            Money.of("1.00", "EUR"),
            "é".repeat(300));
    byte[] xml = SepaCreditTransferWriter.write(batch(DEBTOR, t), PainVersion.PAIN_001_001_03);
    validate(xml, PainVersion.PAIN_001_001_03);
    String text = new String(xml, StandardCharsets.UTF_8);
    assertThat(text)
        .contains("<Nm>" + "O".repeat(70) + "</Nm>")
        .contains("<Ustrd>" + "e".repeat(140) + "</Ustrd>");
  }

  @Test
  void badBatchesAreTypedErrors() {
    assertThatThrownBy(() -> batch(DEBTOR))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164301"))
        .isInstanceOf(InvalidIbanException.class);
    assertThatThrownBy(
            () -> new SepaDebtor("X", Iban.parse("NL91ABNA0417164300"), Optional.of("abc")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> transfer("has space", "Jan", "NL91ABNA0417164300", "1.00"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> transfer("X".repeat(36), "Jan", "NL91ABNA0417164300", "1.00"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> transfer("E1", "Jan", "NL91ABNA0417164300", "0.00"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                new SepaTransfer(
                    "E1", "Jan", Iban.parse("NL91ABNA0417164300"), Money.of("1.00", "USD"), "x"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                batch(
                    DEBTOR,
                    transfer("E1", "Jan", "NL91ABNA0417164300", "1.00"),
                    transfer("E1", "Piet", "NL91ABNA0417164300", "2.00")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("repeats");
  }
}
