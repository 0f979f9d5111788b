package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.partnerprogram.core.domain.Funnel;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.Payout;

/**
 * What support and finance look up across partners: partner lists by status, a partner by code or
 * customer account, the top earners of a period, a month's funnel and a month's payouts. Every call
 * is read-only, runs in one unit of work, and reads an index range in a database adapter (paged
 * lists by keyset, like the partner page's), so its cost follows what it returns, not the
 * programme's history.
 *
 * <pre>{@code
 * Funnel november = program.reports().funnel(YearMonth.of(2026, 11));
 * List<PartnerAmount> top = program.reports().topPartners(from, to, 10);
 * }</pre>
 */
public interface Reports {
  /** The most partners {@link #topPartners} returns. */
  int MAX_TOP = 100;

  /**
   * A page of the partners with a status, by partner id.
   *
   * @param query the query; never null
   * @return the page
   * @throws InvalidInputException if the query is null or its position was not returned by a
   *     partner list
   */
  Page<Partner> partners(PartnerListQuery query);

  /**
   * Finds partners by what a support agent has at hand: a referral code (any case, as codes are
   * case-insensitive; live or revoked) or a host customer account id. The text is tried as both. An
   * erased partner is found only by its pseudonyms: the pseudonym that replaced its customer
   * account id or its vanity code, never by the account id or a code it had before.
   *
   * @param codeOrCustomerAccount the code or account id; never null
   * @return the partner the code was issued to, then the partner of the customer account if that is
   *     another; at most two, empty if neither matches
   * @throws InvalidInputException if the text is null, or neither a well-formed code nor a
   *     well-formed customer account id
   */
  List<Partner> find(String codeOrCustomerAccount);

  /**
   * The partners who earned most commission in a period: per partner, its EARNED minus its REVERSED
   * ledger entries (refunds and chargebacks after the customer paid) that occurred in {@code [from,
   * to)}, in the programme currency. Pending commission (ACCRUED, CANCELLED) does not count: it was
   * never earned.
   *
   * @param from the first instant of the period; never null
   * @param to the instant after the period; never null, after {@code from}
   * @param limit how many partners at most, 1 to {@value #MAX_TOP}
   * @return the partners with entries in the period, by amount descending and then by partner id; a
   *     partner whose reversals outweigh its earnings comes last, with a negative amount
   * @throws InvalidInputException if an instant is null or outside the stored years, {@code from}
   *     is not before {@code to}, or the limit is out of range
   */
  List<PartnerAmount> topPartners(Instant from, Instant to, int limit);

  /**
   * The programme's funnel of a month in its zone: clicks, attributed signups, paying customers,
   * and commission earned, cancelled, reversed and paid out in it (see {@link Funnel} for what each
   * figure counts).
   *
   * @param month the month; never null
   * @return the funnel; zeros for a month in which nothing happened
   * @throws InvalidInputException if the month is null or outside the stored years
   */
  Funnel funnel(YearMonth month);

  /**
   * A page of a closed month's payouts by payout id, each with its status.
   *
   * @param query the query; never null
   * @return the page
   * @throws InvalidInputException if the query is null or its position was not returned by a
   *     month's payout list
   * @throws NotFoundException if the month was not closed
   */
  Page<Payout> payoutsOfMonth(MonthPayoutsQuery query);
}
