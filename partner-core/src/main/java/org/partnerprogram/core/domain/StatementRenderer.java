package org.partnerprogram.core.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link PartnerStatement} as plain text and as JSON, apart from the statement's data and
 * its rules.
 *
 * <p>The JSON follows the schema {@value #SCHEMA_RESOURCE} (JSON Schema draft 2020-12), version
 * {@value #SCHEMA_VERSION}: every amount and rate is a JSON number written from its {@code
 * BigDecimal} in plain notation (never an exponent), amounts at the currency's scale; absent values
 * are {@code null}.
 */
final class StatementRenderer {
  static final int SCHEMA_VERSION = PartnerStatement.JSON_SCHEMA_VERSION;
  static final String SCHEMA_RESOURCE = PartnerStatement.JSON_SCHEMA_RESOURCE;

  /**
   * Date, time with seconds, and offset ({@code 2026-11-01T00:00:00+01:00}): RFC 3339, which strict
   * parsers require; {@code OffsetDateTime.toString()} drops zero seconds.
   */
  private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private final PartnerStatement statement;
  private final PartnerStatement.Header header;
  private final List<PartnerStatement.Line> lines;
  private final List<PartnerStatement.AdjustmentLine> adjustments;
  private final Money total;
  private final PartnerStatement.Settlement settlement;
  private final List<PartnerStatement.LaterEvent> since;

  StatementRenderer(PartnerStatement statement) {
    this.statement = statement;
    this.header = statement.header();
    this.lines = statement.lines();
    this.adjustments = statement.adjustments();
    this.total = statement.total();
    this.settlement = statement.settlement();
    this.since = statement.since();
  }

  /** The statement as plain text: {@link PartnerStatement#toText()}. */
  String text() {
    StringBuilder b = new StringBuilder();
    b.append(header.programName()).append(": statement ").append(header.month()).append('\n');
    b.append("Partner:   ")
        .append(
            header
                .holderName()
                .map(n -> n + " (partner " + header.partnerId() + ")")
                .orElse("partner " + header.partnerId() + " (no bank account on file)"))
        .append('\n');
    b.append("Period:    ")
        .append(LOCAL.format(header.periodStart()))
        .append(" to ")
        .append(LOCAL.format(header.periodEnd()))
        .append(" (end not included), ")
        .append(header.zone().getId())
        .append('\n');
    b.append("Closed:    ").append(local(header.closedAt())).append('\n');
    b.append("Produced:  ").append(local(header.producedAt())).append('\n');
    b.append('\n');
    String row = "%-24s %-24s %4s %-24s %12s %12s %-12s %12s%n";
    b.append(
        String.format(
            Locale.ROOT,
            row,
            "line",
            "order",
            "no.",
            "product",
            "base",
            "rate",
            "version",
            "commission"));
    for (PartnerStatement.Line l : lines) {
      b.append(
          String.format(
              Locale.ROOT,
              row,
              l.kind().words(),
              l.orderId(),
              Integer.toString(l.lineNumber()),
              l.productId(),
              l.base().amount().toPlainString(),
              l.rate().map(Object::toString).orElse("-"),
              l.rateVersion().orElse("-"),
              l.amount().amount().toPlainString()));
    }
    for (PartnerStatement.AdjustmentLine a : adjustments) {
      b.append(
          String.format(
              Locale.ROOT,
              row,
              a.words(),
              a.refersTo().map(r -> r.orderId().value()).orElse("-"),
              a.refersTo().map(r -> Integer.toString(r.lineNumber())).orElse("-"),
              "-",
              "-",
              "-",
              "-",
              a.amount().amount().toPlainString()));
      b.append("  ").append(a.words()).append(" ").append(a.adjustmentId()).append(", ");
      b.append(local(a.bookedAt())).append(": ").append(a.reason()).append('\n');
    }
    b.append("Total ").append(total).append('\n');
    b.append('\n');
    if (settlement instanceof PartnerStatement.Settlement.PaidOut p) {
      b.append("Paid out: ")
          .append(p.amount())
          .append(" in payout ")
          .append(p.payoutId())
          .append(" to ")
          .append(p.maskedIban())
          .append(" (")
          .append(p.holderName())
          .append(")\n");
      b.append("Bank statement reference: ")
          .append(p.payoutId())
          .append("; description: ")
          .append(p.remittance())
          .append('\n');
      b.append("Payout on ")
          .append(local(header.producedAt()))
          .append(": ")
          .append(statement.payoutState().orElseThrow().words())
          .append('\n');
    } else if (settlement instanceof PartnerStatement.Settlement.CarriedOver c) {
      b.append("Carried over to the next month: ")
          .append(c.amount())
          .append(" (")
          .append(PartnerStatement.words(c.reason()))
          .append(")\n");
    } else {
      b.append("Nothing was payable for this partner at the close.\n");
    }
    if (!since.isEmpty()) {
      b.append('\n').append("Since the close:\n");
      for (PartnerStatement.LaterEvent e : since) {
        b.append(local(e.at())).append("  ").append(describe(e)).append('\n');
      }
    }
    Map<OrderId, List<Integer>> partial = statement.partialOrders();
    if (!partial.isEmpty()) {
      b.append('\n').append("Notes:\n");
      partial.forEach(
          (order, numbers) ->
              b.append("Order ")
                  .append(order)
                  .append(": only line")
                  .append(numbers.size() == 1 ? " " : "s ")
                  .append(String.join(", ", numbers.stream().map(String::valueOf).toList()))
                  .append(" (refunded this month) listed; the order was settled in an earlier")
                  .append(" month.\n"));
    }
    return b.toString();
  }

  private String local(Instant at) {
    return LOCAL.format(at.atZone(header.zone()));
  }

  private static String describe(PartnerStatement.LaterEvent e) {
    if (e instanceof PartnerStatement.LaterEvent.PayoutPaid) {
      return "the payout was paid (confirmed)";
    }
    if (e instanceof PartnerStatement.LaterEvent.PayoutFailed f) {
      return "the payout failed ("
          + f.reason()
          + "): the amount went back to your balance and is paid with a later month";
    }
    if (e instanceof PartnerStatement.LaterEvent.CarriedInto c) {
      return c.payoutId().isPresent()
          ? "the carried balance was paid out with "
              + c.month()
              + " in payout "
              + c.payoutId().get()
              + " ("
              + c.amount()
              + " in all)"
          : "the close of "
              + c.month()
              + " carried the balance over again ("
              + c.amount()
              + " in all; "
              + PartnerStatement.words(c.carriedAgain().orElseThrow())
              + ")";
    }
    PartnerStatement.LaterEvent.LineReversed r = (PartnerStatement.LaterEvent.LineReversed) e;
    return "order "
        + r.orderId()
        + " line "
        + r.lineNumber()
        + " ("
        + r.productId()
        + ") was refunded: "
        + r.amount()
        + ", on a later statement";
  }

  /** The statement as JSON: {@link PartnerStatement#toJson()}. */
  String json() {
    StringBuilder b = new StringBuilder("{");
    b.append("\"schemaVersion\":").append(SCHEMA_VERSION).append(',');
    field(b, "programName", header.programName()).append(',');
    field(b, "partnerId", header.partnerId().value()).append(',');
    b.append("\"holderName\":")
        .append(header.holderName().map(StatementRenderer::quote).orElse("null"))
        .append(',');
    field(b, "month", header.month().toString()).append(',');
    field(b, "zone", header.zone().getId()).append(',');
    field(b, "periodStart", RFC_3339.format(header.periodStart())).append(',');
    field(b, "periodEnd", RFC_3339.format(header.periodEnd())).append(',');
    field(b, "closedAt", header.closedAt().toString()).append(',');
    field(b, "producedAt", header.producedAt().toString()).append(',');
    field(b, "currency", total.currency().getCurrencyCode()).append(',');
    number(b, "total", total).append(',');
    b.append("\"settlement\":{");
    if (settlement instanceof PartnerStatement.Settlement.PaidOut p) {
      field(b, "kind", "PAID_OUT").append(',');
      field(b, "payoutId", p.payoutId().value()).append(',');
      number(b, "amount", p.amount()).append(',');
      field(b, "iban", p.maskedIban()).append(',');
      field(b, "holderName", p.holderName()).append(',');
      field(b, "remittance", p.remittance()).append(',');
      field(b, "state", statement.payoutState().orElseThrow().name());
    } else if (settlement instanceof PartnerStatement.Settlement.CarriedOver c) {
      field(b, "kind", "CARRIED_OVER").append(',');
      number(b, "amount", c.amount()).append(',');
      field(b, "reason", c.reason().name());
    } else {
      field(b, "kind", "NOTHING_PAYABLE");
    }
    b.append("},\"lines\":[");
    for (int i = 0; i < lines.size(); i++) {
      PartnerStatement.Line l = lines.get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append('{');
      field(b, "kind", l.kind().name()).append(',');
      field(b, "orderId", l.orderId().value()).append(',');
      b.append("\"lineNumber\":").append(l.lineNumber()).append(',');
      field(b, "productId", l.productId().value()).append(',');
      number(b, "base", l.base()).append(',');
      Rate rate = l.rate().orElse(null);
      b.append("\"ratePercent\":")
          .append(rate instanceof Rate.Percentage p ? p.percent().toPlainString() : "null")
          .append(',');
      b.append("\"rateFixedAmount\":")
          .append(rate instanceof Rate.FixedAmount f ? f.amount().amount().toPlainString() : "null")
          .append(',');
      b.append("\"rateVersion\":")
          .append(l.rateVersion().map(StatementRenderer::quote).orElse("null"))
          .append(',');
      number(b, "amount", l.amount()).append(',');
      field(b, "occurredAt", l.occurredAt().toString());
      b.append('}');
    }
    b.append("],\"adjustments\":[");
    for (int i = 0; i < adjustments.size(); i++) {
      PartnerStatement.AdjustmentLine a = adjustments.get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append('{');
      field(b, "adjustmentId", a.adjustmentId().value()).append(',');
      field(b, "type", a.type().name()).append(',');
      field(b, "reason", a.reason()).append(',');
      b.append("\"orderId\":")
          .append(a.refersTo().map(r -> quote(r.orderId().value())).orElse("null"))
          .append(',');
      b.append("\"lineNumber\":")
          .append(a.refersTo().map(r -> Integer.toString(r.lineNumber())).orElse("null"))
          .append(',');
      number(b, "amount", a.amount()).append(',');
      field(b, "bookedAt", a.bookedAt().toString());
      b.append('}');
    }
    b.append("],\"since\":[");
    for (int i = 0; i < since.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('{');
      laterEventJson(b, since.get(i));
      b.append('}');
    }
    return b.append("]}").toString();
  }

  private static void laterEventJson(StringBuilder b, PartnerStatement.LaterEvent e) {
    field(b, "at", e.at().toString()).append(',');
    if (e instanceof PartnerStatement.LaterEvent.PayoutPaid) {
      field(b, "event", "PAYOUT_PAID");
    } else if (e instanceof PartnerStatement.LaterEvent.PayoutFailed f) {
      field(b, "event", "PAYOUT_FAILED").append(',');
      field(b, "reason", f.reason());
    } else if (e instanceof PartnerStatement.LaterEvent.CarriedInto c) {
      field(b, "event", "CARRIED_INTO").append(',');
      field(b, "month", c.month().toString()).append(',');
      b.append("\"payoutId\":")
          .append(c.payoutId().map(p -> quote(p.value())).orElse("null"))
          .append(',');
      number(b, "amount", c.amount()).append(',');
      b.append("\"carriedAgain\":")
          .append(c.carriedAgain().map(r -> quote(r.name())).orElse("null"));
    } else {
      PartnerStatement.LaterEvent.LineReversed r = (PartnerStatement.LaterEvent.LineReversed) e;
      field(b, "event", "LINE_REVERSED").append(',');
      field(b, "orderId", r.orderId().value()).append(',');
      b.append("\"lineNumber\":").append(r.lineNumber()).append(',');
      field(b, "productId", r.productId().value()).append(',');
      number(b, "amount", r.amount());
    }
  }

  /**
   * A JSON number from the amount's {@code BigDecimal}, in plain notation at the currency's scale
   * ({@code 12.50}, {@code 1500} for JPY, {@code -5.00}): exact, never an exponent.
   */
  private static StringBuilder number(StringBuilder b, String name, Money money) {
    return b.append(quote(name)).append(':').append(money.amount().toPlainString());
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
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
