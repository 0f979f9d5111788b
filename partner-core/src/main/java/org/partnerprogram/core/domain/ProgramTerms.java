package org.partnerprogram.core.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import org.immutables.value.Value;

/**
 * The rules of one partner programme. Every setting but the referral-link template has the default
 * of the programme this SDK is modelled on:
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>{@link #currency()}</td><td>EUR</td></tr>
 *   <tr><td>{@link #zone()}</td><td>Europe/Amsterdam (payout months are local months)</td></tr>
 *   <tr><td>{@link #attributionWindow()}</td><td>90 days</td></tr>
 *   <tr><td>{@link #attributionModel()}</td><td>last touch</td></tr>
 *   <tr><td>{@link #clickRetentionGrace()}</td><td>30 days (clicks kept for window + grace)</td></tr>
 *   <tr><td>{@link #bookkeepingRetention()}</td><td>7 years (art. 52 AWR)</td></tr>
 *   <tr><td>{@link #holdingPeriod()}</td><td>0 days (payable once paid)</td></tr>
 *   <tr><td>{@link #minimumPayout()}</td><td>0 in the programme currency</td></tr>
 *   <tr><td>{@link #maximumPayout()}</td><td>999,999,999.99 (one SEPA transfer's limit)</td></tr>
 *   <tr><td>{@link #rounding()}</td><td>HALF_UP, once per commission line</td></tr>
 *   <tr><td>{@link #earningPolicy()}</td><td>every order of a referred customer</td></tr>
 *   <tr><td>{@link #programName()}</td><td>Partner programme</td></tr>
 *   <tr><td>{@link #remittanceTemplate()}</td><td>{@code Partnerprogramma {month} {partner}}</td></tr>
 *   <tr><td>{@link #payoutRail()}</td><td>SEPA credit transfers (SEPA accounts only)</td></tr>
 * </table>
 *
 * <pre>{@code
 * ProgramTerms terms = ProgramTerms.builder()
 *     .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ProgramTerms {
  /** The longest attribution window accepted. */
  public static final Duration MAX_ATTRIBUTION_WINDOW = Duration.ofDays(730);

  /** The longest click retention grace accepted. */
  public static final Duration MAX_CLICK_RETENTION_GRACE = Duration.ofDays(730);

  /** The longest bookkeeping retention accepted. */
  public static final Period MAX_BOOKKEEPING_RETENTION = Period.ofYears(30);

  /** The longest holding period accepted. */
  public static final Duration MAX_HOLDING_PERIOD = Duration.ofDays(365);

  ProgramTerms() {}

  /**
   * A builder; only {@link Builder#referralLinkTemplate(ReferralLinkTemplate)} is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The currency commissions are kept and paid in. Orders in another currency are refused.
   *
   * @return never null
   */
  @Value.Default
  public Currency currency() {
    return Currency.getInstance("EUR");
  }

  /**
   * The time zone of payout months.
   *
   * @return never null
   */
  @Value.Default
  public ZoneId zone() {
    return ZoneId.of("Europe/Amsterdam");
  }

  /**
   * How long after a click a signup can still be attributed to it.
   *
   * @return positive, at most {@link #MAX_ATTRIBUTION_WINDOW}
   */
  @Value.Default
  public Duration attributionWindow() {
    return Duration.ofDays(90);
  }

  /**
   * How long clicks (with their visitor ids) are kept beyond the attribution window before {@code
   * privacy().applyRetention()} deletes them: a click is kept while it is younger than {@link
   * #attributionWindow()} plus this grace, so a signup the host reports up to this grace late is
   * still attributed as if reported at once. Personal data is kept no longer than needed (GDPR
   * article 5(1)(e)). Attribution decisions whose signup is that old keep their visitor id only as
   * its pseudonym.
   *
   * @return zero or positive, at most {@link #MAX_CLICK_RETENTION_GRACE}
   */
  @Value.Default
  public Duration clickRetentionGrace() {
    return Duration.ofDays(30);
  }

  /**
   * How long records that support the books are kept: in the Netherlands 7 years (art. 52 lid 4
   * Algemene wet inzake rijksbelastingen, AWR), the default; another country's rule may be longer
   * or shorter. {@code privacy().applyRetention()} deletes a partner's payout account that stopped
   * being the partner's account (the partner gave another) longer ago than this, counted in the
   * programme's {@link #zone()}; the current account is always kept, and payouts keep their own
   * copy of the account they were paid to.
   *
   * @return more than zero (no negative part), at most {@link #MAX_BOOKKEEPING_RETENTION}
   */
  @Value.Default
  public Period bookkeepingRetention() {
    return Period.ofYears(7);
  }

  /**
   * Which click wins among several in the window.
   *
   * @return never null
   */
  @Value.Default
  public AttributionModel attributionModel() {
    return AttributionModel.LAST_TOUCH;
  }

  /**
   * How long earned commission is held before it becomes payable.
   *
   * @return zero or positive, at most {@link #MAX_HOLDING_PERIOD}
   */
  @Value.Default
  public Duration holdingPeriod() {
    return Duration.ZERO;
  }

  /**
   * The smallest balance that is paid out; smaller balances carry over to the next month.
   *
   * @return zero or more, in {@link #currency()}
   */
  @Value.Default
  public Money minimumPayout() {
    return Money.zero(currency());
  }

  /**
   * The largest balance one payout may carry: a partner's payable balance above it carries over
   * (reason {@link PeriodCloseLine.CarryOverReason#ABOVE_MAXIMUM_PAYOUT}) for an operator to look
   * at, while the close goes on for everybody else. The default is the most one SEPA credit
   * transfer can carry (999,999,999.99).
   *
   * @return more than zero, at least {@link #minimumPayout()}, in {@link #currency()}
   */
  @Value.Default
  public Money maximumPayout() {
    return Money.of(new BigDecimal("999999999.99"), currency(), RoundingMode.DOWN);
  }

  /**
   * How a commission line is rounded to the currency's minor unit (once per line).
   *
   * @return never null, never {@link RoundingMode#UNNECESSARY}
   */
  @Value.Default
  public RoundingMode rounding() {
    return RoundingMode.HALF_UP;
  }

  /**
   * Which orders of a referred customer earn: every order (the default, as the seed promises), the
   * first only, or those within some months of the signup.
   *
   * @return never null
   */
  @Value.Default
  public EarningPolicy earningPolicy() {
    return EarningPolicy.everyOrder();
  }

  /**
   * The programme's name, as statements show it in their header: at most 70 characters of free
   * text.
   *
   * @return never null
   */
  @Value.Default
  public String programName() {
    return "Partner programme";
  }

  /**
   * The remittance text of each bank transfer, which the partner's bank statement shows: free text
   * with the placeholders {@code {month}} (the closed month, {@code 2026-11}), {@code {partner}}
   * (the partner id) and {@code {payout}} (the payout id, which is also the transfer's end-to-end
   * reference). The SEPA file, the CSV and the statement carry the same text, filled in and
   * transliterated to the SEPA character set, cut to 140 characters.
   *
   * @return never null; 1 to 140 characters without other placeholders
   */
  @Value.Default
  public String remittanceTemplate() {
    return "Partnerprogramma {month} {partner}";
  }

  /**
   * How partners are paid, which decides the payout accounts accepted: {@link PayoutRail#SEPA} (the
   * default) refuses an IBAN outside the SEPA schemes when a partner enrols with it or changes to
   * it; {@link PayoutRail#ANY_IBAN} accepts any valid IBAN, and the host pays those outside SEPA by
   * its own rail (the SEPA file of a month leaves them out; the CSV lists every payout).
   *
   * @return never null
   */
  @Value.Default
  public PayoutRail payoutRail() {
    return PayoutRail.SEPA;
  }

  /**
   * The host's referral-link pattern. Required.
   *
   * @return never null
   */
  public abstract ReferralLinkTemplate referralLinkTemplate();

  /**
   * An amount in the programme's currency, from the host's text: {@code terms.money("19.99")}.
   *
   * @param amount a plain decimal number with a dot as separator, such as {@code "12.50"}
   * @return the money in {@link #currency()}
   * @throws InvalidInputException if the text is not such a number or has too many decimals
   */
  public Money money(String amount) {
    return Money.of(amount, currency().getCurrencyCode());
  }

  /**
   * The first instant of a month in the programme's zone (its payout period starts here).
   *
   * @param month the month; never null
   * @return midnight at the start of the month's first day, in {@link #zone()}
   * @throws InvalidInputException if the month is null
   */
  public Instant startOf(YearMonth month) {
    if (month == null) {
      throw new InvalidInputException("month", "must not be null");
    }
    return month.atDay(1).atStartOfDay(zone()).toInstant();
  }

  /**
   * The instant after a month in the programme's zone (exclusive: the next month starts here).
   *
   * @param month the month; never null
   * @return midnight at the start of the next month's first day, in {@link #zone()}
   * @throws InvalidInputException if the month is null
   */
  public Instant endOf(YearMonth month) {
    if (month == null) {
      throw new InvalidInputException("month", "must not be null");
    }
    return startOf(month.plusMonths(1));
  }

  /**
   * A local date and time in the programme's zone as an instant: {@code
   * terms.instant(LocalDateTime.of(2026, 11, 3, 14, 0))}. In a gap (clocks put forward) the time
   * moves forward by the gap's length; in an overlap (clocks put back) the earlier instant is
   * taken.
   *
   * @param local the local date and time; never null
   * @return the instant
   * @throws InvalidInputException if the argument is null
   */
  public Instant instant(LocalDateTime local) {
    if (local == null) {
      throw new InvalidInputException("local", "must not be null");
    }
    return local.atZone(zone()).toInstant();
  }

  /**
   * The month an instant falls in, in the programme's zone.
   *
   * @param at the instant; never null
   * @return the month
   * @throws InvalidInputException if the argument is null
   */
  public YearMonth monthOf(Instant at) {
    if (at == null) {
      throw new InvalidInputException("at", "must not be null");
    }
    return YearMonth.from(at.atZone(zone()));
  }

  @Value.Check
  void check() {
    Currencies.requireMinorUnit(currency());
    Duration window = attributionWindow();
    if (window.isNegative() || window.isZero() || window.compareTo(MAX_ATTRIBUTION_WINDOW) > 0) {
      throw new InvalidInputException(
          "attributionWindow", "must be more than zero and at most 730 days, was " + window);
    }
    Duration grace = clickRetentionGrace();
    if (grace.isNegative() || grace.compareTo(MAX_CLICK_RETENTION_GRACE) > 0) {
      throw new InvalidInputException(
          "clickRetentionGrace", "must be zero to 730 days, was " + grace);
    }
    Period bookkeeping = bookkeepingRetention();
    if (bookkeeping.isNegative()
        || bookkeeping.isZero()
        || bookkeeping.toTotalMonths() * 31 + bookkeeping.getDays()
            > MAX_BOOKKEEPING_RETENTION.toTotalMonths() * 31) {
      throw new InvalidInputException(
          "bookkeepingRetention",
          "must be more than zero, without a negative part, and at most 30 years, was "
              + bookkeeping);
    }
    Duration holding = holdingPeriod();
    if (holding.isNegative() || holding.compareTo(MAX_HOLDING_PERIOD) > 0) {
      throw new InvalidInputException("holdingPeriod", "must be zero to 365 days, was " + holding);
    }
    if (!minimumPayout().currency().equals(currency())) {
      throw new CurrencyMismatchException(currency(), minimumPayout().currency());
    }
    if (minimumPayout().isNegative()) {
      throw new InvalidInputException("minimumPayout", "must not be negative");
    }
    if (!maximumPayout().currency().equals(currency())) {
      throw new CurrencyMismatchException(currency(), maximumPayout().currency());
    }
    if (!maximumPayout().isPositive() || maximumPayout().compareTo(minimumPayout()) < 0) {
      throw new InvalidInputException(
          "maximumPayout", "must be more than zero and at least the minimum payout");
    }
    Text.freeText("programName", programName(), 70);
    Text.freeText("remittanceTemplate", remittanceTemplate(), 140);
    String unknown =
        remittanceTemplate()
            .replace("{month}", "")
            .replace("{partner}", "")
            .replace("{payout}", "");
    if (unknown.indexOf('{') >= 0 || unknown.indexOf('}') >= 0) {
      throw new InvalidInputException(
          "remittanceTemplate",
          "knows the placeholders {month}, {partner} and {payout} only; braces are not allowed"
              + " otherwise");
    }
    if (rounding() == RoundingMode.UNNECESSARY) {
      throw new InvalidInputException(
          "rounding", "UNNECESSARY cannot round a commission; use HALF_UP, HALF_EVEN, DOWN, ...");
    }
  }

  /**
   * Builds {@link ProgramTerms}; a missing required setting is an {@link InvalidInputException}.
   */
  public static final class Builder extends ImmutableProgramTerms.Builder {
    Builder() {}

    /**
     * Builds the terms.
     *
     * @return the terms
     * @throws InvalidInputException if the referral-link template is missing or a setting is out of
     *     range
     */
    @Override
    public ProgramTerms build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw new InvalidInputException("programTerms", e.getMessage());
      }
    }
  }
}
