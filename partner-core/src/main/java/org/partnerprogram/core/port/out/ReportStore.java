package org.partnerprogram.core.port.out;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.partnerprogram.core.domain.Funnel;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;

/**
 * The read-only queries of support and finance across partners: partners by status, the partners
 * who earned most in a period, a month's funnel and a month's payouts. Each reads a range of an
 * index in a database adapter (the JDBC adapter's schema V20 adds them); none writes. Ids compare
 * as Java compares strings ({@link String#compareTo}), which for the ASCII ids of the programme is
 * byte order.
 */
public interface ReportStore {

  /**
   * A page of the partners with a status, by id.
   *
   * @param status the status; never null
   * @param after the last id of the previous page (only ids after it), or empty for the first page;
   *     never null
   * @param limit the most partners to return, at least 1
   * @return the partners with {@code status}, by id ascending, at most {@code limit}; empty if none
   */
  List<Partner> partnersWithStatus(PartnerStatus status, Optional<PartnerId> after, int limit);

  /**
   * The partners who earned most commission in a time range: per partner, the sum of its EARNED
   * entries minus the sum of its REVERSED entries with {@code from <= occurredAt < to} in the
   * currency (ACCRUED and CANCELLED entries are pending commission and left out).
   *
   * @param currency the programme currency; entries in another are left out; never null
   * @param from the earliest instant; never null
   * @param to the instant after the range; never null, after {@code from}
   * @param limit the most partners to return, at least 1
   * @return one amount per partner with at least one such entry (also when it nets to zero or
   *     less), by amount descending and then by partner id ascending, at most {@code limit}; empty
   *     if none
   */
  List<PartnerAmount> topEarners(Currency currency, Instant from, Instant to, int limit);

  /**
   * The funnel of a time range, the month's as {@link Funnel} defines each figure: clicks ({@link
   * TouchStore}) recorded in it, ATTRIBUTED decisions decided in it, distinct customers of orders
   * with a partner whose payment instant is in it, the sums of EARNED, CANCELLED and REVERSED
   * entries that occurred in it, and the sum of PAID payouts whose status changed (to PAID) in it;
   * each with {@code from <= instant < to}, money in the currency only.
   *
   * @param month the month the range is, copied into the result; never null
   * @param from the month's first instant; never null
   * @param to the instant after the month; never null
   * @param currency the programme currency; never null
   * @return the funnel; zeros when nothing happened
   */
  Funnel funnel(YearMonth month, Instant from, Instant to, Currency currency);

  /**
   * A page of a month's payouts, by payout id, each with its current status.
   *
   * @param period the month; never null
   * @param status only payouts with this status, or empty for all; never null
   * @param after the last payout id of the previous page (only ids after it), or empty for the
   *     first page; never null
   * @param limit the most payouts to return, at least 1
   * @return the payouts, by id ascending, at most {@code limit}; empty if none
   */
  List<Payout> payoutsOfMonth(
      YearMonth period, Optional<PayoutStatus> status, Optional<PayoutId> after, int limit);
}
