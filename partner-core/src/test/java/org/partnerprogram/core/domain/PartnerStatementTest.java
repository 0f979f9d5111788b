package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.PartnerStatement.LaterEvent;
import org.partnerprogram.core.domain.PartnerStatement.LineKind;
import org.partnerprogram.core.domain.PartnerStatement.Settlement;

class PartnerStatementTest {
  private static final Instant CLOSED = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant PRODUCED = Instant.parse("2026-12-05T10:30:00Z");
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final PayoutId PAYOUT = PayoutId.of("PO" + "B".repeat(24));

  private static PartnerStatement.Header header(Optional<String> holder) {
    return new PartnerStatement.Header(
        "Partnerprogramma",
        PartnerId.of("p_1"),
        holder,
        YearMonth.of(2026, 11),
        AMSTERDAM,
        CLOSED,
        PRODUCED);
  }

  private static PartnerStatement.Line line(
      String order, int number, LineKind kind, String amount, Optional<String> version) {
    return new PartnerStatement.Line(
        kind,
        OrderId.of(order),
        number,
        ProductId.of("vps-xl"),
        Money.of("80.00", "EUR"),
        version.isPresent() ? Optional.of(Rate.percent("12.5")) : Optional.empty(),
        version,
        Money.of(amount, "EUR"),
        Instant.parse("2026-11-20T10:00:00Z"));
  }

  private static PartnerStatement paidStatement(List<LaterEvent> since) {
    return new PartnerStatement(
        header(Optional.of("Jan")),
        List.of(
            line("o-1", 1, LineKind.EARNED, "10.00", Optional.of("v\"1\\\u0001")),
            line("o-1", 2, LineKind.NOT_PARTICIPATING, "0.00", Optional.empty()),
            line("o-2", 2, LineKind.REVERSED, "-5.00", Optional.empty())),
        List.of(),
        Money.of("5.00", "EUR"),
        new Settlement.PaidOut(
            PAYOUT,
            Money.of("5.00", "EUR"),
            "NL************4300",
            "Jan",
            "Partnerprogramma 2026-11 p-1"),
        since);
  }

  @Test
  void theJsonHasTheHeaderTheSettlementEveryLineAndLaterEventsWithTextEscaped() {
    String json =
        paidStatement(
                List.of(
                    new LaterEvent.PayoutFailed(
                        Instant.parse("2026-12-04T09:00:00Z"), "AC04 \"closed\""),
                    new LaterEvent.LineReversed(
                        Instant.parse("2026-12-05T09:00:00Z"),
                        OrderId.of("o-1"),
                        1,
                        ProductId.of("vps-xl"),
                        Money.of("-1.00", "EUR"))))
            .toJson();
    assertThat(json)
        .isEqualTo(
            "{\"schemaVersion\":2,\"programName\":\"Partnerprogramma\",\"partnerId\":\"p_1\",\"holderName\":\"Jan\","
                + "\"month\":\"2026-11\",\"zone\":\"Europe/Amsterdam\","
                + "\"periodStart\":\"2026-11-01T00:00:00+01:00\","
                + "\"periodEnd\":\"2026-12-01T00:00:00+01:00\","
                + "\"closedAt\":\"2026-12-01T08:00:00Z\",\"producedAt\":\"2026-12-05T10:30:00Z\","
                + "\"currency\":\"EUR\",\"total\":5.00,"
                + "\"settlement\":{\"kind\":\"PAID_OUT\",\"payoutId\":\"PO"
                + "B".repeat(24)
                + "\",\"amount\":5.00,\"iban\":\"NL************4300\",\"holderName\":\"Jan\","
                + "\"remittance\":\"Partnerprogramma 2026-11 p-1\",\"state\":\"FAILED\"},"
                + "\"lines\":["
                + "{\"kind\":\"EARNED\",\"orderId\":\"o-1\",\"lineNumber\":1,"
                + "\"productId\":\"vps-xl\",\"base\":80.00,\"ratePercent\":12.5,\"rateFixedAmount\":null,"
                + "\"rateVersion\":\"v\\\"1\\\\\\u0001\",\"amount\":10.00,"
                + "\"occurredAt\":\"2026-11-20T10:00:00Z\"},"
                + "{\"kind\":\"NOT_PARTICIPATING\",\"orderId\":\"o-1\",\"lineNumber\":2,"
                + "\"productId\":\"vps-xl\",\"base\":80.00,\"ratePercent\":null,\"rateFixedAmount\":null,"
                + "\"rateVersion\":null,\"amount\":0.00,"
                + "\"occurredAt\":\"2026-11-20T10:00:00Z\"},"
                + "{\"kind\":\"REVERSED\",\"orderId\":\"o-2\",\"lineNumber\":2,"
                + "\"productId\":\"vps-xl\",\"base\":80.00,\"ratePercent\":null,\"rateFixedAmount\":null,"
                + "\"rateVersion\":null,\"amount\":-5.00,"
                + "\"occurredAt\":\"2026-11-20T10:00:00Z\"}],"
                + "\"adjustments\":[],"
                + "\"since\":["
                + "{\"at\":\"2026-12-04T09:00:00Z\",\"event\":\"PAYOUT_FAILED\","
                + "\"reason\":\"AC04 \\\"closed\\\"\"},"
                + "{\"at\":\"2026-12-05T09:00:00Z\",\"event\":\"LINE_REVERSED\","
                + "\"orderId\":\"o-1\",\"lineNumber\":1,\"productId\":\"vps-xl\","
                + "\"amount\":-1.00}]}");
  }

  @Test
  void aCarriedOverStatementSaysWhyInWordsAndWhereTheBalanceWent() {
    PartnerStatement carried =
        new PartnerStatement(
            header(Optional.empty()),
            List.of(line("o-1", 1, LineKind.EARNED, "3.00", Optional.of("v1"))),
            List.of(),
            Money.of("3.00", "EUR"),
            new Settlement.CarriedOver(
                Money.of("3.00", "EUR"), PeriodCloseLine.CarryOverReason.BELOW_MINIMUM),
            List.of(
                new LaterEvent.CarriedInto(
                    Instant.parse("2027-01-01T08:00:00Z"),
                    YearMonth.of(2026, 12),
                    Optional.of(PAYOUT),
                    Money.of("30.00", "EUR"),
                    Optional.empty())));
    assertThat(carried.toJson())
        .contains(
            "\"holderName\":null,",
            "\"settlement\":{\"kind\":\"CARRIED_OVER\",\"amount\":3.00,"
                + "\"reason\":\"BELOW_MINIMUM\"}",
            "{\"at\":\"2027-01-01T08:00:00Z\",\"event\":\"CARRIED_INTO\",\"month\":\"2026-12\","
                + "\"payoutId\":\"PO"
                + "B".repeat(24)
                + "\",\"amount\":30.00,\"carriedAgain\":null}");
    assertThat(carried.payoutState()).isEmpty();
    assertThat(carried.toText())
        .contains("Partner:   partner p_1 (no bank account on file)\n")
        .contains("Carried over to the next month: EUR 3.00 (below the minimum payout)\n")
        .contains(
            "2027-01-01 09:00  the carried balance was paid out with 2026-12 in payout PO"
                + "B".repeat(24)
                + " (EUR 30.00 in all)\n")
        .doesNotContain("Paid out")
        .doesNotContain("BELOW_MINIMUM");
  }

  @Test
  void theTextHasAHeaderOneRowPerLineInWordsTheTotalTheSettlementAndNotes() {
    List<String> rows = paidStatement(List.of()).toText().lines().toList();
    assertThat(rows.subList(0, 5))
        .containsExactly(
            "Partnerprogramma: statement 2026-11",
            "Partner:   Jan (partner p_1)",
            "Period:    2026-11-01 00:00 to 2026-12-01 00:00 (end not included), Europe/Amsterdam",
            "Closed:    2026-12-01 09:00",
            "Produced:  2026-12-05 11:30");
    assertThat(rows.get(6)).startsWith("line").contains("commission");
    assertThat(rows.get(7))
        .startsWith("earned")
        .contains("12.5 %")
        .contains("v\"1\\")
        .endsWith("10.00");
    assertThat(rows.get(8)).startsWith("not participating").endsWith("0.00");
    assertThat(rows.get(9)).startsWith("reversed (refund)").endsWith("-5.00");
    assertThat(rows.get(10)).isEqualTo("Total EUR 5.00");
    assertThat(rows.get(12))
        .isEqualTo(
            "Paid out: EUR 5.00 in payout PO" + "B".repeat(24) + " to NL************4300 (Jan)");
    assertThat(rows.get(13))
        .isEqualTo(
            "Bank statement reference: PO"
                + "B".repeat(24)
                + "; description: Partnerprogramma 2026-11 p-1");
    assertThat(rows.get(14))
        .isEqualTo("Payout on 2026-12-05 11:30: on its way (in a payout, not yet confirmed paid)");
    assertThat(rows.get(16)).isEqualTo("Notes:");
    assertThat(rows.get(17))
        .isEqualTo(
            "Order o-2: only line 2 (refunded this month) listed; the order was settled in an"
                + " earlier month.");
    assertThat(rows).hasSize(18);
  }

  @Test
  void theTextAndJsonNeverFollowTheDefaultLocale() {
    Locale before = Locale.getDefault();
    String inRoot = paidStatement(List.of()).toText();
    String jsonInRoot = paidStatement(List.of()).toJson();
    try {
      for (Locale locale :
          List.of(
              Locale.forLanguageTag("ar-EG"),
              Locale.forLanguageTag("hi-IN-u-nu-deva"),
              Locale.forLanguageTag("th-TH-u-nu-thai"),
              Locale.GERMANY,
              Locale.forLanguageTag("fa-IR"))) {
        Locale.setDefault(locale);
        assertThat(paidStatement(List.of()).toText()).as("%s", locale).isEqualTo(inRoot);
        assertThat(paidStatement(List.of()).toJson()).as("%s", locale).isEqualTo(jsonInRoot);
      }
    } finally {
      Locale.setDefault(before);
    }
    assertThat(inRoot).containsPattern("\\s+1 vps-xl").doesNotContainPattern("[\\u0660-\\u0669]");
  }

  @Test
  void partialOrdersAreThoseOfWhichOnlyRefundsAreListed() {
    assertThat(paidStatement(List.of()).partialOrders())
        .isEqualTo(Map.of(OrderId.of("o-2"), List.of(2)));
  }

  @Test
  void thePayoutStateFollowsItsLaterEvents() {
    assertThat(paidStatement(List.of()).payoutState()).contains(PayoutState.ON_ITS_WAY);
    assertThat(paidStatement(List.of(new LaterEvent.PayoutPaid(PRODUCED))).payoutState())
        .contains(PayoutState.PAID);
  }
}
