package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.port.in.PartnerExport;
import org.partnerprogram.core.port.in.PartnerExportOptions;
import org.partnerprogram.core.port.in.PartnerExportOptions.IbanDisclosure;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * The partner export against its shipped schema ({@link PartnerExport#JSON_SCHEMA_RESOURCE}), whose
 * statements refer to the statement's schema, read the way a consumer reads it: with Jackson,
 * decimals as {@code BigDecimal}.
 */
class PartnerExportJsonSchemaTest {
  private static final ObjectMapper DECIMALS =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
          .build();
  private static final JsonNode SCHEMA = read(PartnerExport.JSON_SCHEMA_RESOURCE);
  private static final JsonNode STATEMENT_SCHEMA = read(PartnerStatement.JSON_SCHEMA_RESOURCE);
  private static final JsonSchemaSubset VALIDATOR =
      new JsonSchemaSubset(SCHEMA, List.of(STATEMENT_SCHEMA));

  /** A reason with what JSON must escape (quotes, a backslash) and what it must not mangle. */
  private static final String AWKWARD_REASON = "rekening \"opgeheven\" \\ 9 dagen (é, ß, €) </x>";

  private static JsonNode read(String resource) {
    try (InputStream in = PartnerExport.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return DECIMALS.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return DECIMALS.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(json, e);
    }
  }

  /** Two months closed: November paid, December's payout failed; a refund after payout. */
  private static ProgramFixture programme() {
    ProgramFixture f = ProgramFixture.inMemory();
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.record(
        f.order(
            "order-1",
            customer,
            ProgramFixture.line(1, "shared-hosting", "100.00"),
            ProgramFixture.line(2, "vps", "80.00")));
    f.clock.advance(Duration.ofHours(1));
    pay(f, "order-1");
    f.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    f.program.payouts().close(YearMonth.of(2026, 11), Acts.TEST);
    f.program
        .payouts()
        .markPaid(f.payoutsOf(YearMonth.of(2026, 11)).get(0).payoutId(), now(f), Acts.TEST);
    f.clock.advance(Duration.ofDays(2));
    f.program
        .commissions()
        .recordRefund(
            RecordRefundCommand.perLine(
                "refund-1", "order-1", now(f), Map.of(1, ProgramFixture.eur("40.00"))));
    f.record(f.order("order-2", customer, ProgramFixture.line(1, "vps", "800.00")));
    f.clock.advance(Duration.ofHours(1));
    pay(f, "order-2");
    f.clock.set(Instant.parse("2027-01-01T08:00:00Z"));
    f.program.payouts().close(YearMonth.of(2026, 12), Acts.TEST);
    f.program
        .payouts()
        .markFailed(
            f.payoutsOf(YearMonth.of(2026, 12)).get(0).payoutId(), Acts.because(AWKWARD_REASON));
    f.clock.advance(Duration.ofHours(1));
    return f;
  }

  private static Instant now(ProgramFixture f) {
    return f.clock.instant();
  }

  private static void pay(ProgramFixture f, String orderId) {
    f.program
        .commissions()
        .recordPayment(RecordPaymentCommand.of("pay-" + orderId, orderId, now(f)));
  }

  private static String export(ProgramFixture f, PartnerExportOptions options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    f.program.privacy().exportPartner(f.partner.id(), out, options);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theSchemaIsDraft2020OfTheVersionTheDocumentCarries() {
    assertThat(SCHEMA.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(SCHEMA.at("/properties/schemaVersion/const").asInt())
        .isEqualTo(PartnerExport.JSON_SCHEMA_VERSION);
    assertThat(SCHEMA.get("$id").asText()).endsWith(":" + PartnerExport.JSON_SCHEMA_VERSION);
    assertThat(SCHEMA.at("/properties/kind/const").asText()).isEqualTo(PartnerExport.KIND);
    assertThat(SCHEMA.at("/properties/statements/items/$ref").asText())
        .isEqualTo(STATEMENT_SCHEMA.get("$id").asText());
  }

  @Test
  void theSchemasEnumsAreTheDomainsEnums() {
    assertThat(texts(SCHEMA.at("/properties/ibans/enum")))
        .containsExactly(names(IbanDisclosure.values()));
    assertThat(texts(SCHEMA.at("/properties/partner/properties/status/enum")))
        .containsExactly(names(PartnerStatus.values()));
    assertThat(texts(SCHEMA.at("/properties/ledger/items/properties/kind/enum")))
        .containsExactly(names(LedgerEntry.Kind.values()));
    assertThat(texts(SCHEMA.at("/properties/payouts/items/properties/status/enum")))
        .containsExactly(names(PayoutStatus.values()));
    assertThat(texts(SCHEMA.at("/properties/attributions/items/properties/reason/enum")))
        .containsExactly(names(AttributionDecision.Reason.values()));
    assertThat(texts(SCHEMA.at("/properties/attributions/items/properties/rule/enum")))
        .containsExactly(names(AttributionDecision.Rule.values()));
  }

  @Test
  void everyDisclosureOfAProgrammeWithTwoClosedMonthsIsValidAndExact() {
    ProgramFixture f = programme();
    for (IbanDisclosure ibans : IbanDisclosure.values()) {
      String json = export(f, PartnerExportOptions.defaults().ibans(ibans));
      JsonNode doc = parse(json);
      assertThat(VALIDATOR.violations(doc)).as(json).isEmpty();
      assertThat(doc.get("statements")).hasSize(2);
      assertThat(doc.at("/statements/0/month").asText()).isEqualTo("2026-11");
      assertThat(doc.at("/statements/1/settlement/kind").asText()).isEqualTo("PAID_OUT");
      assertThat(doc.at("/payouts/0/failureReason").asText()).isEqualTo(AWKWARD_REASON);
      assertThat(doc.at("/payouts/0/period").asText()).isEqualTo("2026-12");
      assertThat(doc.at("/payouts/1/status").asText()).isEqualTo("PAID");
      BigDecimal earned = BigDecimal.ZERO;
      for (JsonNode e : doc.get("ledger")) {
        if (e.get("kind").asText().equals("EARNED")) {
          earned = earned.add(e.get("amount").decimalValue());
        }
      }
      assertThat(doc.at("/totals/earned").decimalValue())
          .isEqualTo(earned)
          .isEqualTo(new BigDecimal("135.00"));
      assertThat(doc.at("/totals/reversed").decimalValue()).isEqualTo(new BigDecimal("10.00"));
      assertThat(doc.at("/totals/ledgerEntries").asInt()).isEqualTo(doc.get("ledger").size());
    }
  }

  @Test
  void theCheckerRefusesWhatTheSchemaForbids() {
    ObjectNode good = (ObjectNode) parse(export(programme(), PartnerExportOptions.defaults()));
    assertThat(VALIDATOR.violations(good)).isEmpty();

    ObjectNode accountId = good.deepCopy();
    ((ObjectNode) accountId.get("attributions").get(0)).put("customer", "new-1");
    assertThat(VALIDATOR.violations(accountId))
        .anyMatch(v -> v.startsWith("/attributions/0/customer"));

    ObjectNode visitor = good.deepCopy();
    ((ObjectNode) visitor.get("attributions").get(0)).put("visitorId", "v-new-1");
    assertThat(VALIDATOR.violations(visitor)).anyMatch(v -> v.contains("visitorId is not in"));

    ObjectNode badStatement = good.deepCopy();
    ((ObjectNode) badStatement.get("statements").get(0)).put("total", "30.00");
    assertThat(VALIDATOR.violations(badStatement))
        .anyMatch(v -> v.startsWith("/statements/0/total"));

    ObjectNode stringAmount = good.deepCopy();
    ((ObjectNode) stringAmount.get("ledger").get(0)).put("amount", "25.00");
    assertThat(VALIDATOR.violations(stringAmount)).anyMatch(v -> v.startsWith("/ledger/0/amount"));

    ObjectNode otherVersion = good.deepCopy();
    otherVersion.put("schemaVersion", PartnerExport.JSON_SCHEMA_VERSION + 1);
    assertThat(VALIDATOR.violations(otherVersion)).isNotEmpty();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(
        n -> {
          if (!n.isNull()) {
            out.add(n.asText());
          }
        });
    return out;
  }

  private static String[] names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
  }
}
