package org.partnerprogram.core.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A partner's statement for one closed month: every order line the month's close settled for the
 * partner (paid out, or carried over), explained, and what happened to that money since the close.
 * It names orders and products, never the customers who placed them.
 *
 * <p>A closed month's statement never changes: its lines, total and settlement are what the close
 * did, read from the records the close wrote. Later events (the bank paid or rejected the payout, a
 * carried balance went into a later payout, a line was refunded) are listed as such under {@link
 * #since()}, each at its own instant, up to the statement's {@linkplain Header#producedAt()
 * production instant}; the same month produced as of the same instant gives the same statement,
 * byte for byte, in text and JSON, whenever it is produced.
 *
 * @param header who, which month, and when it was closed and produced; never null
 * @param lines the order lines, by order, line number and time; never null
 * @param adjustments the operator's adjustments and write-offs settled with the month, in the order
 *     they were booked; never null
 * @param total the sum of the lines and adjustments (the payout's amount, or what carried over);
 *     never null
 * @param settlement what the close did with the total; never null
 * @param since what happened to the settled money after the close, oldest first, up to the
 *     production instant; never null
 */
public record PartnerStatement(
    Header header,
    List<Line> lines,
    List<AdjustmentLine> adjustments,
    Money total,
    Settlement settlement,
    List<LaterEvent> since) {

  /**
   * The {@code schemaVersion} of {@link #toJson()}: an integer, one more with every change to the
   * JSON's fields. Version 1 is the first versioned shape: numeric amounts and rates, the rate as
   * {@code ratePercent} or {@code rateFixedAmount}. Version 2 adds {@code adjustments}.
   */
  public static final int JSON_SCHEMA_VERSION = 2;

  /**
   * The classpath resource holding the JSON Schema (draft 2020-12) of {@link #toJson()}, for {@link
   * Class#getResourceAsStream(String)}.
   */
  public static final String JSON_SCHEMA_RESOURCE =
      "/org/partnerprogram/core/statement.schema.json";

  /** Checks for nulls and copies the lists. */
  public PartnerStatement {
    Objects.requireNonNull(header, "header");
    lines = List.copyOf(lines);
    adjustments = List.copyOf(adjustments);
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(settlement, "settlement");
    since = List.copyOf(since);
  }

  /**
   * Who the statement is for and which month it covers.
   *
   * @param programName the programme's name ({@link ProgramTerms#programName()}); never null
   * @param partnerId the partner; never null
   * @param holderName the name on the payout account the close used (for a payout, its account;
   *     otherwise the account on file at the close), or empty if none was on file; never null
   * @param month the month; never null
   * @param zone the programme's time zone, in which the month is a calendar month; never null
   * @param closedAt when the month was closed; never null
   * @param producedAt the instant the statement was produced as of: later events after it are not
   *     shown; never null
   */
  public record Header(
      String programName,
      PartnerId partnerId,
      Optional<String> holderName,
      YearMonth month,
      ZoneId zone,
      Instant closedAt,
      Instant producedAt) {
    /** Checks for nulls. */
    public Header {
      Objects.requireNonNull(programName, "programName");
      Objects.requireNonNull(partnerId, "partnerId");
      Objects.requireNonNull(holderName, "holderName");
      Objects.requireNonNull(month, "month");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(closedAt, "closedAt");
      Objects.requireNonNull(producedAt, "producedAt");
    }

    /**
     * The month's first instant, in the programme's zone.
     *
     * @return midnight at the start of the month's first day
     */
    public ZonedDateTime periodStart() {
      return month.atDay(1).atStartOfDay(zone);
    }

    /**
     * The instant after the month (exclusive), in the programme's zone.
     *
     * @return midnight at the start of the next month's first day
     */
    public ZonedDateTime periodEnd() {
      return month.plusMonths(1).atDay(1).atStartOfDay(zone);
    }
  }

  /** What a statement line records. */
  public enum LineKind {
    /** Commission earned when the customer paid. */
    EARNED("earned"),
    /** Commission taken back by a refund or chargeback after payment (negative). */
    REVERSED("reversed (refund)"),
    /** The product does not participate in the programme: no commission (0). */
    NOT_PARTICIPATING("not participating"),
    /** The product participates, but its commission rounds to nothing (0). */
    ROUNDED_TO_ZERO("rounds to 0"),
    /** The line was refunded in full before the customer paid: nothing was earned (0). */
    REFUNDED_BEFORE_PAYMENT("refunded before payment");

    private final String words;

    LineKind(String words) {
      this.words = words;
    }

    /**
     * The kind as a partner reads it.
     *
     * @return a few lower-case English words
     */
    public String words() {
      return words;
    }
  }

  /**
   * One explained order line.
   *
   * @param kind what the line records; never null
   * @param orderId the order reference; never null
   * @param lineNumber the line's number within the order (the order's own numbering)
   * @param productId the product; never null
   * @param base the net amount the commission is on (the refunded net for a reversal); never null
   * @param rate the rate applied, if the product participates; never null
   * @param rateVersion the rate version: {@code "v3"} for the programme card, {@code "override v1"}
   *     for a partner override; empty if the product does not participate; never null
   * @param amount the signed commission (negative for reversals, zero for lines that earn nothing);
   *     never null
   * @param occurredAt when it happened (payment or refund); never null
   */
  public record Line(
      LineKind kind,
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
   * An operator's adjustment or write-off on a statement: what it is, why, and its amount.
   *
   * @param adjustmentId the adjustment's id; never null
   * @param type an adjustment or a write-off; never null
   * @param reason the operator's reason, as booked; never null
   * @param refersTo the order line it corrects, if one was named; never null
   * @param amount the signed amount; never null
   * @param bookedAt when it was booked; never null
   */
  public record AdjustmentLine(
      EventId adjustmentId,
      Adjustment.Type type,
      String reason,
      Optional<Adjustment.OrderLineRef> refersTo,
      Money amount,
      Instant bookedAt) {
    /** Checks for nulls. */
    public AdjustmentLine {
      Objects.requireNonNull(adjustmentId, "adjustmentId");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(refersTo, "refersTo");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(bookedAt, "bookedAt");
    }

    /**
     * The line of an adjustment.
     *
     * @param adjustment the adjustment; never null
     * @return its statement line
     */
    public static AdjustmentLine of(Adjustment adjustment) {
      return new AdjustmentLine(
          adjustment.adjustmentId(),
          adjustment.type(),
          adjustment.act().reason(),
          adjustment.refersTo(),
          adjustment.amount(),
          adjustment.bookedAt());
    }

    /**
     * The words a partner reads for it: "adjustment" or "written off".
     *
     * @return the words; never null
     */
    public String words() {
      return type == Adjustment.Type.WRITE_OFF ? "written off" : "adjustment";
    }
  }

  /** What the month's close did with the partner's payable balance. */
  public sealed interface Settlement
      permits Settlement.PaidOut, Settlement.CarriedOver, Settlement.NothingPayable {

    /**
     * The close made a payout.
     *
     * @param payoutId the payout, which is also the transfer's reference (SEPA end-to-end id, the
     *     CSV's reference, the events' payout id); never null
     * @param amount the payout's amount; never null
     * @param maskedIban the account it was made to, masked; never null
     * @param holderName the account holder's name; never null
     * @param remittance the remittance text the bank file carries, as the partner's bank shows it;
     *     never null
     */
    record PaidOut(
        PayoutId payoutId, Money amount, String maskedIban, String holderName, String remittance)
        implements Settlement {
      /** Checks for nulls. */
      public PaidOut {
        Objects.requireNonNull(payoutId, "payoutId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(maskedIban, "maskedIban");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(remittance, "remittance");
      }
    }

    /**
     * The close carried the balance over to the next month.
     *
     * @param amount the balance carried over; never null
     * @param reason why; never null
     */
    record CarriedOver(Money amount, PeriodCloseLine.CarryOverReason reason) implements Settlement {
      /** Checks for nulls. */
      public CarriedOver {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
      }
    }

    /** Nothing was payable for the partner at the month's close. */
    record NothingPayable() implements Settlement {}
  }

  /** Something that happened to a statement's money after the month's close. */
  public sealed interface LaterEvent
      permits LaterEvent.PayoutPaid,
          LaterEvent.PayoutFailed,
          LaterEvent.CarriedInto,
          LaterEvent.LineReversed {
    /**
     * When it happened.
     *
     * @return never null
     */
    Instant at();

    /**
     * The bank paid the month's payout (confirmed by the host).
     *
     * @param at when it was confirmed; never null
     */
    record PayoutPaid(Instant at) implements LaterEvent {
      /** Checks for null. */
      public PayoutPaid {
        Objects.requireNonNull(at, "at");
      }
    }

    /**
     * The bank rejected the month's payout; its amount went back to the partner's balance.
     *
     * @param at when the failure was recorded; never null
     * @param reason the bank's reason; never null
     */
    record PayoutFailed(Instant at, String reason) implements LaterEvent {
      /** Checks for nulls. */
      public PayoutFailed {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
      }
    }

    /**
     * The balance this month carried over went into the next month's close.
     *
     * @param at when the next month was closed; never null
     * @param month the next month; never null
     * @param payoutId the payout the next close made, or empty if it carried the balance over
     *     again; never null
     * @param amount the next close's whole amount for the partner (this month's carried balance
     *     plus what became payable since); never null
     * @param carriedAgain why the next close carried it over again, or empty if it paid it out;
     *     never null
     */
    record CarriedInto(
        Instant at,
        YearMonth month,
        Optional<PayoutId> payoutId,
        Money amount,
        Optional<PeriodCloseLine.CarryOverReason> carriedAgain)
        implements LaterEvent {
      /** Checks for nulls. */
      public CarriedInto {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(payoutId, "payoutId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(carriedAgain, "carriedAgain");
      }
    }

    /**
     * A line of this statement was refunded after the close; the reversal is settled in a later
     * month and shown on that month's statement.
     *
     * @param at when the refund happened; never null
     * @param orderId the order; never null
     * @param lineNumber the line
     * @param productId the product; never null
     * @param amount the commission taken back, negative; never null
     */
    record LineReversed(
        Instant at, OrderId orderId, int lineNumber, ProductId productId, Money amount)
        implements LaterEvent {
      /** Checks for nulls. */
      public LineReversed {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(amount, "amount");
      }
    }
  }

  /**
   * Where the month's payout stood at the production instant.
   *
   * @return the state, or empty if the close made no payout
   */
  public Optional<PayoutState> payoutState() {
    if (!(settlement instanceof Settlement.PaidOut)) {
      return Optional.empty();
    }
    PayoutState state = PayoutState.ON_ITS_WAY;
    for (LaterEvent e : since) {
      if (e instanceof LaterEvent.PayoutPaid) {
        state = PayoutState.PAID;
      } else if (e instanceof LaterEvent.PayoutFailed) {
        state = PayoutState.FAILED;
      }
    }
    return Optional.of(state);
  }

  /**
   * The orders of which this statement lists only some lines (their other lines were settled in
   * another month), with the lines it lists.
   *
   * @return order to listed line numbers, in the order the lines appear; empty if every order is
   *     listed in full
   */
  public Map<OrderId, List<Integer>> partialOrders() {
    Map<OrderId, TreeSet<Integer>> shown = new LinkedHashMap<>();
    Map<OrderId, Boolean> settledHere = new LinkedHashMap<>();
    for (Line l : lines) {
      shown.computeIfAbsent(l.orderId(), id -> new TreeSet<>()).add(l.lineNumber());
      settledHere.merge(l.orderId(), l.kind() != LineKind.REVERSED, Boolean::logicalOr);
    }
    Map<OrderId, List<Integer>> partial = new LinkedHashMap<>();
    shown.forEach(
        (order, numbers) -> {
          if (!settledHere.get(order)) {
            partial.put(order, List.copyOf(numbers));
          }
        });
    return partial;
  }

  /**
   * The statement as plain text, for e-mail or a PDF. Digits and dates never depend on the JVM's
   * default locale; instants are shown in the programme's time zone.
   *
   * @return the text; lines end with {@code \n}
   */
  public String toText() {
    return new StatementRenderer(this).text();
  }

  /**
   * Why a balance carried over, as a partner reads it.
   *
   * @param reason the reason; never null
   * @return a short English phrase
   */
  public static String words(PeriodCloseLine.CarryOverReason reason) {
    return switch (reason) {
      case BELOW_MINIMUM -> "below the minimum payout";
      case NOT_POSITIVE -> "refunds after an earlier payout exceed what was earned since";
      case PARTNER_SUSPENDED -> "payouts wait while the partnership is suspended";
      case NO_PAYOUT_ACCOUNT -> "no bank account on file";
      case ABOVE_MAXIMUM_PAYOUT -> "above the maximum of one payout; support will contact you";
    };
  }

  /**
   * The statement as JSON, for a portal, an API or finance's tools. The document's shape is
   * described by the JSON Schema (draft 2020-12) at the classpath resource {@value
   * #JSON_SCHEMA_RESOURCE}; its top-level {@code schemaVersion} is {@value #JSON_SCHEMA_VERSION}.
   *
   * <ul>
   *   <li>Amounts ({@code total}, {@code base}, {@code amount}, {@code rateFixedAmount}) are JSON
   *       numbers in the statement's {@code currency}, written exactly from their {@code
   *       BigDecimal} at the currency's scale, in plain notation: {@code 12.50}, {@code 1500} for
   *       JPY, {@code -5.00}; never an exponent. Read them as decimals (Jackson's {@code
   *       USE_BIG_DECIMAL_FOR_FLOATS}, Python's {@code json.loads(s, parse_float=Decimal)}), not as
   *       binary floating point.
   *   <li>A line's rate is {@code ratePercent} (a percentage: {@code 12.5} means 12.5 %, not 0.125)
   *       or {@code rateFixedAmount} (an amount per line); the other one, or both when the product
   *       does not participate, is {@code null}. {@code rateVersion} names the rate version ({@code
   *       "v3"}, {@code "override v1"}).
   *   <li>Instants are RFC 3339 date-times in UTC ({@code 2026-12-01T08:00:00Z}); the period's
   *       bounds are RFC 3339 date-times with their offset in the programme's zone ({@code
   *       2026-11-01T00:00:00+01:00}); {@code month} is {@code yyyy-MM}.
   *   <li>Absent values are {@code null}, never left out.
   * </ul>
   *
   * <p>{@code schemaVersion} is an integer that goes up with any change to the document's fields
   * (added, removed, renamed, or of another type or meaning); the schema at the same resource
   * changes with it.
   *
   * @return the JSON text
   */
  public String toJson() {
    return new StatementRenderer(this).json();
  }

  /**
   * The statement's lines with the given kinds.
   *
   * @param kind the kind; never null
   * @return the lines of that kind, in statement order
   */
  public List<Line> linesOf(LineKind kind) {
    List<Line> of = new ArrayList<>();
    for (Line l : lines) {
      if (l.kind() == kind) {
        of.add(l);
      }
    }
    return List.copyOf(of);
  }
}
