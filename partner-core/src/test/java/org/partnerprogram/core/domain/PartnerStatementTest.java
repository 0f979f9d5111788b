package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartnerStatementTest {
  private static final Instant CLOSED = Instant.parse("2026-12-01T08:00:00Z");
  private static final PayoutAccount ACCOUNT = PayoutAccount.of("NL91ABNA0417164300", "Jan");

  private static PartnerStatement.Line line(
      String order, int number, LedgerEntry.Kind kind, String amount, Optional<String> version) {
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

  private static PartnerStatement paidStatement() {
    Payout payout =
        new Payout(
            PayoutId.of("PO" + "B".repeat(24)),
            PartnerId.of("p_1"),
            YearMonth.of(2026, 11),
            Money.of("5.00", "EUR"),
            ACCOUNT,
            PayoutStatus.CREATED,
            CLOSED,
            CLOSED,
            Optional.empty());
    return new PartnerStatement(
        PartnerId.of("p_1"),
        YearMonth.of(2026, 11),
        CLOSED,
        Optional.of(payout),
        Optional.empty(),
        List.of(
            line("o-1", 1, LedgerEntry.Kind.EARNED, "10.00", Optional.of("v\"1\\\u0001")),
            line("o-2", 2, LedgerEntry.Kind.REVERSED, "-5.00", Optional.empty())),
        Money.of("5.00", "EUR"));
  }

  @Test
  void theJsonHasEveryFieldWithQuotesBackslashesAndControlCharactersEscaped() {
    assertThat(paidStatement().toJson())
        .isEqualTo(
            "{\"partnerId\":\"p_1\",\"month\":\"2026-11\",\"closedAt\":\"2026-12-01T08:00:00Z\","
                + "\"currency\":\"EUR\",\"total\":\"5.00\",\"payoutId\":\"PO"
                + "B".repeat(24)
                + "\",\"carriedOver\":null,\"lines\":["
                + "{\"kind\":\"EARNED\",\"orderId\":\"o-1\",\"lineNumber\":1,"
                + "\"productId\":\"vps-xl\",\"base\":\"80.00\",\"rate\":\"12.5 %\","
                + "\"rateVersion\":\"v\\\"1\\\\\\u0001\",\"amount\":\"10.00\","
                + "\"occurredAt\":\"2026-11-20T10:00:00Z\"},"
                + "{\"kind\":\"REVERSED\",\"orderId\":\"o-2\",\"lineNumber\":2,"
                + "\"productId\":\"vps-xl\",\"base\":\"80.00\",\"rate\":null,"
                + "\"rateVersion\":null,\"amount\":\"-5.00\","
                + "\"occurredAt\":\"2026-11-20T10:00:00Z\"}]}");
  }

  @Test
  void aCarriedOverStatementSaysWhyInJsonAndText() {
    PartnerStatement carried =
        new PartnerStatement(
            PartnerId.of("p_1"),
            YearMonth.of(2026, 11),
            CLOSED,
            Optional.empty(),
            Optional.of(PeriodCloseLine.CarryOverReason.BELOW_MINIMUM),
            List.of(),
            Money.of("3.00", "EUR"));
    assertThat(carried.toJson())
        .contains("\"payoutId\":null,\"carriedOver\":\"BELOW_MINIMUM\",\"lines\":[]}");
    assertThat(carried.toText())
        .endsWith("Total EUR 3.00\nCarried over to next month: BELOW_MINIMUM\n")
        .doesNotContain("Paid out");
  }

  @Test
  void theTextHasAHeaderOneRowPerLineTheTotalAndTheMaskedPayoutAccount() {
    List<String> rows = paidStatement().toText().lines().toList();
    assertThat(rows).hasSize(6);
    assertThat(rows.get(0)).isEqualTo("Statement 2026-11 for partner p_1");
    assertThat(rows.get(1)).startsWith("kind").contains("commission");
    assertThat(rows.get(2))
        .startsWith("EARNED")
        .contains("12.5 %")
        .contains("v\"1\\")
        .endsWith("10.00");
    assertThat(rows.get(3)).startsWith("REVERSED").contains(" - ").endsWith("-5.00");
    assertThat(rows.get(4)).isEqualTo("Total EUR 5.00");
    assertThat(rows.get(5))
        .isEqualTo("Paid out as PO" + "B".repeat(24) + " to NL************4300 (CREATED)");
  }
}
