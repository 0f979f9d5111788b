package org.partnerprogram.core.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A partner's statement for one closed month: every ledger line the month's close settled (paid
 * out, or carried over), explained. It names orders and products, never the customers who placed
 * them.
 *
 * @param partnerId the partner; never null
 * @param month the month; never null
 * @param closedAt when the month was closed; never null
 * @param payout the payout the close made, or empty if the balance carried over; never null
 * @param carriedOver why the balance carried over, or empty if it was paid out or nothing was
 *     payable; never null
 * @param lines the settled lines, by order, line and time; never null
 * @param total the sum of the lines (the payout's amount, or what carried over); never null
 */
public record PartnerStatement(
    PartnerId partnerId,
    YearMonth month,
    Instant closedAt,
    Optional<Payout> payout,
    Optional<PeriodCloseLine.CarryOverReason> carriedOver,
    List<Line> lines,
    Money total) {

  /** Checks for nulls and copies the lines. */
  public PartnerStatement {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(payout, "payout");
    Objects.requireNonNull(carriedOver, "carriedOver");
    lines = List.copyOf(lines);
    Objects.requireNonNull(total, "total");
  }

  /**
   * One explained ledger line.
   *
   * @param kind EARNED (positive) or REVERSED (negative); never null
   * @param orderId the order reference; never null
   * @param lineNumber the order line
   * @param productId the product; never null
   * @param base the net amount the movement is about; never null
   * @param rate the rate applied, if the product participates; never null
   * @param rateVersion the rate version: {@code "v3"} for the programme card, {@code "override v1"}
   *     for a partner override; empty if the product does not participate; never null
   * @param amount the signed amount (negative for reversals); never null
   * @param occurredAt when it happened (payment or refund); never null
   */
  public record Line(
      LedgerEntry.Kind kind,
      OrderId orderId,
      int lineNumber,
      ProductId productId,
      Money base,
      Optional<Rate> rate,
      Optional<String> rateVersion,
      Money amount,
      Instant occurredAt) {
    /** Checks for nulls. */
    public Line {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(productId, "productId");
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(rate, "rate");
      Objects.requireNonNull(rateVersion, "rateVersion");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }
  }

  /**
   * The statement as plain text, for e-mail or a PDF.
   *
   * @return the text; lines end with {@code \n}
   */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append("Statement ").append(month).append(" for partner ").append(partnerId).append('\n');
    b.append(
        String.format(
            "%-8s %-24s %4s %-24s %12s %10s %-12s %12s%n",
            "kind", "order", "line", "product", "base", "rate", "version", "commission"));
    for (Line l : lines) {
      b.append(
          String.format(
              "%-8s %-24s %4d %-24s %12s %10s %-12s %12s%n",
              l.kind(),
              l.orderId(),
              l.lineNumber(),
              l.productId(),
              l.base().amount().toPlainString(),
              l.rate().map(Object::toString).orElse("-"),
              l.rateVersion().orElse("-"),
              l.amount().amount().toPlainString()));
    }
    b.append("Total ").append(total).append('\n');
    payout.ifPresent(
        p ->
            b.append("Paid out as ")
                .append(p.payoutId())
                .append(" to ")
                .append(p.account().iban().masked())
                .append(" (")
                .append(p.status())
                .append(")\n"));
    carriedOver.ifPresent(r -> b.append("Carried over to next month: ").append(r).append('\n'));
    return b.toString();
  }

  /**
   * The statement as JSON (amounts as strings, instants in ISO-8601 UTC), for a portal or an API.
   *
   * @return the JSON text
   */
  public String toJson() {
    StringBuilder b = new StringBuilder("{");
    field(b, "partnerId", partnerId.value()).append(',');
    field(b, "month", month.toString()).append(',');
    field(b, "closedAt", closedAt.toString()).append(',');
    field(b, "currency", total.currency().getCurrencyCode()).append(',');
    field(b, "total", total.amount().toPlainString()).append(',');
    b.append("\"payoutId\":")
        .append(payout.map(p -> quote(p.payoutId().value())).orElse("null"))
        .append(',');
    b.append("\"carriedOver\":")
        .append(carriedOver.map(r -> quote(r.name())).orElse("null"))
        .append(',');
    b.append("\"lines\":[");
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append('{');
      field(b, "kind", l.kind().name()).append(',');
      field(b, "orderId", l.orderId().value()).append(',');
      b.append("\"lineNumber\":").append(l.lineNumber()).append(',');
      field(b, "productId", l.productId().value()).append(',');
      field(b, "base", l.base().amount().toPlainString()).append(',');
      b.append("\"rate\":")
          .append(l.rate().map(r -> quote(r.toString())).orElse("null"))
          .append(',');
      b.append("\"rateVersion\":")
          .append(l.rateVersion().map(PartnerStatement::quote).orElse("null"))
          .append(',');
      field(b, "amount", l.amount().amount().toPlainString()).append(',');
      field(b, "occurredAt", l.occurredAt().toString());
      b.append('}');
    }
    return b.append("]}").toString();
  }

  private static StringBuilder field(StringBuilder b, String name, String value) {
    return b.append(quote(name)).append(':').append(quote(value));
  }

  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        default -> {
          if (c < 0x20) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
