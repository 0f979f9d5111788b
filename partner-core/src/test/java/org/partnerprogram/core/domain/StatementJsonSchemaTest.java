package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.PartnerStatement.LaterEvent;
import org.partnerprogram.core.domain.PartnerStatement.Line;
import org.partnerprogram.core.domain.PartnerStatement.LineKind;
import org.partnerprogram.core.domain.PartnerStatement.Settlement;
import org.partnerprogram.testkit.Gens;
import org.quicktheories.core.Gen;

/**
 * The statement JSON against its shipped schema ({@link PartnerStatement#JSON_SCHEMA_RESOURCE}),
 * read the way a finance tool reads it: with Jackson, decimals as {@code BigDecimal}.
 */
class StatementJsonSchemaTest {
  private static final ObjectMapper DECIMALS =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
          .build();
  private static final JsonNode SCHEMA = schema();
  private static final JsonSchemaSubset VALIDATOR = new JsonSchemaSubset(SCHEMA);
  private static final PayoutId PAYOUT = PayoutId.of("PO" + "C".repeat(24));

  private static JsonNode schema() {
    try (InputStream in =
        PartnerStatement.class.getResourceAsStream(PartnerStatement.JSON_SCHEMA_RESOURCE)) {
      assertThat(in).as(PartnerStatement.JSON_SCHEMA_RESOURCE).isNotNull();
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

  @Test
  void theSchemaIsDraft2020OfTheVersionTheJsonCarries() {
    assertThat(SCHEMA.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(SCHEMA.at("/properties/schemaVersion/const").asInt())
        .isEqualTo(PartnerStatement.JSON_SCHEMA_VERSION);
    assertThat(SCHEMA.get("$id").asText()).endsWith(":" + PartnerStatement.JSON_SCHEMA_VERSION);
    assertThat(parse(sample().toJson()).get("schemaVersion").intValue())
        .isEqualTo(PartnerStatement.JSON_SCHEMA_VERSION);
  }

  @Test
  void theSchemasEnumsAreTheDomainsEnums() {
    assertThat(texts(SCHEMA.at("/$defs/line/properties/kind/enum")))
        .containsExactly(names(LineKind.values()));
    assertThat(texts(SCHEMA.at("/properties/settlement/properties/reason/enum")))
        .containsExactly(names(PeriodCloseLine.CarryOverReason.values()));
    assertThat(texts(SCHEMA.at("/$defs/laterEvent/properties/carriedAgain/enum")))
        .containsExactly(names(PeriodCloseLine.CarryOverReason.values()));
    assertThat(
            SCHEMA
                .at("/$defs/laterEvent/properties/carriedAgain/enum")
                .get(PeriodCloseLine.CarryOverReason.values().length)
                .isNull())
        .isTrue();
    assertThat(texts(SCHEMA.at("/properties/settlement/properties/state/enum")))
        .containsExactly(names(PayoutState.values()));
  }

  @Test
  void aPercentageIsANumberInPercentAndAFixedRateANumberInTheCurrency() {
    JsonNode lines = parse(sample().toJson()).get("lines");
    assertThat(lines.get(0).get("ratePercent").isNumber()).isTrue();
    assertThat(lines.get(0).get("ratePercent").decimalValue()).isEqualTo(new BigDecimal("12.5"));
    assertThat(lines.get(0).get("rateFixedAmount").isNull()).isTrue();
    assertThat(lines.get(1).get("ratePercent").isNull()).isTrue();
    assertThat(lines.get(1).get("rateFixedAmount").decimalValue())
        .isEqualTo(new BigDecimal("2.50"));
    assertThat(lines.get(2).get("ratePercent").isNull()).isTrue();
    assertThat(lines.get(2).get("rateFixedAmount").isNull()).isTrue();
    assertThat(lines.get(2).get("rateVersion").isNull()).isTrue();
    assertThat(sample().toJson())
        .contains("\"base\":80.00,\"ratePercent\":12.5,\"rateFixedAmount\":null,")
        .contains("\"total\":12.50,")
        .contains("\"periodStart\":\"2026-11-01T00:00:00+01:00\",")
        .contains("\"periodEnd\":\"2026-12-01T00:00:00+01:00\",")
        .doesNotContain("\"rate\":");
  }

  @Test
  void theCheckerRefusesWhatTheSchemaForbids() {
    ObjectNode good = (ObjectNode) parse(sample().toJson());
    assertThat(VALIDATOR.violations(good)).isEmpty();

    ObjectNode stringRate = good.deepCopy();
    ((ObjectNode) stringRate.get("lines").get(0)).put("ratePercent", "12.5 %");
    assertThat(VALIDATOR.violations(stringRate))
        .anyMatch(v -> v.startsWith("/lines/0/ratePercent"));

    ObjectNode stringAmount = good.deepCopy();
    stringAmount.put("total", "12.50");
    assertThat(VALIDATOR.violations(stringAmount)).anyMatch(v -> v.startsWith("/total"));

    ObjectNode oldField = good.deepCopy();
    ((ObjectNode) oldField.get("lines").get(0)).put("rate", "12.5 %");
    assertThat(VALIDATOR.violations(oldField)).anyMatch(v -> v.contains("rate is not in"));

    ObjectNode missing = good.deepCopy();
    missing.remove("schemaVersion");
    assertThat(VALIDATOR.violations(missing)).anyMatch(v -> v.contains("schemaVersion"));

    ObjectNode otherVersion = good.deepCopy();
    otherVersion.put("schemaVersion", PartnerStatement.JSON_SCHEMA_VERSION + 1);
    assertThat(VALIDATOR.violations(otherVersion)).isNotEmpty();

    ObjectNode noSeconds = good.deepCopy();
    noSeconds.put("periodStart", "2026-11-01T00:00+01:00");
    assertThat(VALIDATOR.violations(noSeconds)).anyMatch(v -> v.startsWith("/periodStart"));

    ObjectNode above100 = good.deepCopy();
    ((ObjectNode) above100.get("lines").get(0)).put("ratePercent", new BigDecimal("100.01"));
    assertThat(VALIDATOR.violations(above100)).isNotEmpty();
  }

  @Test
  void everyGeneratedStatementIsValidAndRoundTripsItsAmountsAndRatesExactly() {
    qt().withExamples(300)
        .forAll(statements())
        .checkAssert(
            statement -> {
              String json = statement.toJson();
              JsonNode doc = parse(json);
              assertThat(VALIDATOR.violations(doc)).as(json).isEmpty();
              assertThat(doc.get("currency").asText())
                  .isEqualTo(statement.total().currency().getCurrencyCode());
              assertExact(doc.get("total"), statement.total().amount());
              JsonNode lines = doc.get("lines");
              assertThat(lines.size()).isEqualTo(statement.lines().size());
              for (int i = 0; i < lines.size(); i++) {
                Line line = statement.lines().get(i);
                JsonNode node = lines.get(i);
                assertExact(node.get("base"), line.base().amount());
                assertExact(node.get("amount"), line.amount().amount());
                Rate rate = line.rate().orElse(null);
                if (rate instanceof Rate.Percentage p) {
                  assertExact(node.get("ratePercent"), p.percent());
                  assertThat(node.get("rateFixedAmount").isNull()).isTrue();
                } else if (rate instanceof Rate.FixedAmount f) {
                  assertExact(node.get("rateFixedAmount"), f.amount().amount());
                  assertThat(node.get("ratePercent").isNull()).isTrue();
                } else {
                  assertThat(node.get("ratePercent").isNull()).isTrue();
                  assertThat(node.get("rateFixedAmount").isNull()).isTrue();
                }
              }
              if (statement.settlement() instanceof Settlement.CarriedOver c) {
                assertExact(doc.at("/settlement/amount"), c.amount().amount());
              }
              for (int i = 0; i < statement.since().size(); i++) {
                if (statement.since().get(i) instanceof LaterEvent.LineReversed r) {
                  assertExact(doc.get("since").get(i).get("amount"), r.amount().amount());
                }
              }
            });
  }

  /** The same value and the same scale: {@code 80.00} stays {@code 80.00}, never 80 or 8E+1. */
  private static void assertExact(JsonNode node, BigDecimal expected) {
    assertThat(node.isNumber()).as("%s is a JSON number", node).isTrue();
    assertThat(node.decimalValue()).isEqualTo(expected);
  }

  private static Gen<PartnerStatement> statements() {
    return arbitrary()
        .pick(List.of("EUR", "JPY", "KWD"))
        .map(Currencies::of)
        .flatMap(
            currency ->
                lists()
                    .of(lines(currency))
                    .ofSizeBetween(0, 6)
                    .zip(
                        integers().between(0, 2),
                        Gens.money(currency, 1_000_000_000L, true),
                        (lines, settlementKind, later) -> statement(lines, settlementKind, later)));
  }

  private static Gen<Line> lines(Currency currency) {
    Gen<Optional<Rate>> rates =
        integers()
            .between(0, 2)
            .zip(
                Gens.percentages(),
                Gens.money(currency, 1_000, false),
                (kind, percent, fixed) ->
                    switch (kind) {
                      case 0 -> Optional.<Rate>of(percent);
                      case 1 -> Optional.<Rate>of(Rate.fixed(fixed));
                      default -> Optional.<Rate>empty();
                    });
    return arbitrary()
        .enumValues(LineKind.class)
        .zip(
            Gens.money(currency, 10_000_000_000L, false),
            rates,
            Gens.money(currency, 10_000_000_000L, true),
            longs().between(0, 1_000_000),
            (kind, base, rate, amount, second) ->
                new Line(
                    kind,
                    OrderId.of("o-" + second),
                    (int) (second % 50) + 1,
                    ProductId.of("vps-xl"),
                    base,
                    rate,
                    rate.map(r -> "v" + (second % 7 + 1)),
                    amount,
                    Instant.parse("2026-11-01T00:00:00Z").plusSeconds(second)));
  }

  private static PartnerStatement statement(List<Line> lines, int settlementKind, Money later) {
    Currency currency = later.currency();
    Money total = Money.of(BigDecimal.ZERO, currency);
    for (Line l : lines) {
      total = total.plus(l.amount());
    }
    Settlement settlement =
        switch (settlementKind) {
          case 0 -> new Settlement.NothingPayable();
          case 1 ->
              new Settlement.CarriedOver(total, PeriodCloseLine.CarryOverReason.BELOW_MINIMUM);
          default ->
              new Settlement.PaidOut(PAYOUT, total, "NL************4300", "Jan", "Partner 2026-11");
        };
    List<LaterEvent> since = new ArrayList<>();
    since.add(
        new LaterEvent.LineReversed(
            Instant.parse("2026-12-03T09:00:00Z"),
            OrderId.of("o-1"),
            1,
            ProductId.of("vps-xl"),
            later));
    return new PartnerStatement(header(), lines, List.of(), total, settlement, since);
  }

  private static PartnerStatement.Header header() {
    return new PartnerStatement.Header(
        "Partnerprogramma",
        PartnerId.of("p_1"),
        Optional.of("Jan"),
        YearMonth.of(2026, 11),
        ZoneId.of("Europe/Amsterdam"),
        Instant.parse("2026-12-01T08:00:00Z"),
        Instant.parse("2026-12-05T10:30:00Z"));
  }

  /** A percentage line, a fixed-amount line and a line of a product that does not participate. */
  private static PartnerStatement sample() {
    Line percent =
        new Line(
            LineKind.EARNED,
            OrderId.of("o-1"),
            1,
            ProductId.of("vps-xl"),
            Money.of("80.00", "EUR"),
            Optional.of(Rate.percent("12.5")),
            Optional.of("v1"),
            Money.of("10.00", "EUR"),
            Instant.parse("2026-11-20T10:00:00Z"));
    Line fixed =
        new Line(
            LineKind.EARNED,
            OrderId.of("o-1"),
            2,
            ProductId.of("ssl"),
            Money.of("30.00", "EUR"),
            Optional.of(Rate.fixed(Money.of("2.50", "EUR"))),
            Optional.of("override v1"),
            Money.of("2.50", "EUR"),
            Instant.parse("2026-11-20T10:00:00Z"));
    Line none =
        new Line(
            LineKind.NOT_PARTICIPATING,
            OrderId.of("o-1"),
            3,
            ProductId.of("domain"),
            Money.of("9.99", "EUR"),
            Optional.empty(),
            Optional.empty(),
            Money.of("0.00", "EUR"),
            Instant.parse("2026-11-20T10:00:00Z"));
    return new PartnerStatement(
        header(),
        List.of(percent, fixed, none),
        List.of(
            new PartnerStatement.AdjustmentLine(
                EventId.of("adj-1"),
                Adjustment.Type.ADJUSTMENT,
                "bonus \"webinar\"",
                Optional.of(new Adjustment.OrderLineRef(OrderId.of("o-1"), 1)),
                Money.of("-2.50", "EUR"),
                Instant.parse("2026-11-21T10:00:00Z")),
            new PartnerStatement.AdjustmentLine(
                EventId.of("wo-1"),
                Adjustment.Type.WRITE_OFF,
                "left owing",
                Optional.empty(),
                Money.of("2.50", "EUR"),
                Instant.parse("2026-11-22T10:00:00Z"))),
        Money.of("12.50", "EUR"),
        new Settlement.PaidOut(
            PAYOUT, Money.of("12.50", "EUR"), "NL************4300", "Jan", "Partner 2026-11"),
        List.of(new LaterEvent.PayoutPaid(Instant.parse("2026-12-03T09:00:00Z"))));
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
