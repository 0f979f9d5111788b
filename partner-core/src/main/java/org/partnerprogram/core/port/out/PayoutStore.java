package org.partnerprogram.core.port.out;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.domain.PeriodCloseLine;

/**
 * Storage of period closes and payouts, and of which ledger entries each payout pays. A ledger
 * entry ({@code EARNED} or {@code REVERSED}) is <em>assigned</em> to at most one payout: an adapter
 * enforces this with a unique key on the entry, so no entry is ever paid twice.
 */
public interface PayoutStore {

  /**
   * Claims a month for closing. This is the first write of a close; the close's other writes happen
   * in the same transaction, so a close is all or nothing.
   *
   * @param close the close; never null
   * @return true if claimed; false, writing nothing, if the month was closed before (also when
   *     closed concurrently: the adapter waits for or observes the other transaction and must not
   *     fail)
   */
  boolean claimPeriod(PeriodClose close);

  /**
   * The close of a month.
   *
   * @param period the month; never null
   * @return the close, or empty if the month was never closed
   */
  Optional<PeriodClose> findClose(YearMonth period);

  /**
   * The latest closed month.
   *
   * @return the close with the latest month, or empty if none was closed
   */
  Optional<PeriodClose> latestClose();

  /**
   * One page of partners with unassigned payable entries: per partner, the sum of {@code EARNED}
   * minus {@code REVERSED} entries with {@code payableAt} before the given instant that no payout
   * pays yet, aggregated in storage.
   *
   * @param before the exclusive bound on {@code payableAt}; never null
   * @param currency the programme currency; never null
   * @param after only partners with an id greater than this (keyset paging), or empty from the
   *     start; never null
   * @param limit the most partners to return, at least 1
   * @return up to {@code limit} partners ordered by partner id (as {@link String#compareTo}); a
   *     partner whose entries sum to zero is included
   */
  List<PartnerAmount> unassignedPayable(
      Instant before, Currency currency, Optional<PartnerId> after, int limit);

  /**
   * How many partners {@link #unassignedPayable} would return over all its pages, counted when a
   * close starts, so that the close can report its progress. An adapter may count a few partners
   * too many (say, ones whose entries are in another currency), never too few; the progress caps
   * it.
   *
   * @param before the exclusive bound on {@code payableAt}; never null
   * @param currency the programme currency; never null
   * @return the count, or empty if the adapter cannot tell cheaply (the default)
   */
  default OptionalLong countUnassignedPayable(Instant before, Currency currency) {
    return OptionalLong.empty();
  }

  /**
   * Stores a new payout.
   *
   * @param payout the payout; never null
   * @throws org.partnerprogram.core.domain.ConflictException if a payout with its id exists
   */
  void insertPayout(Payout payout);

  /**
   * Assigns to a payout every unassigned {@code EARNED} and {@code REVERSED} entry of its partner
   * with {@code payableAt} before the given instant, in storage (never by loading the entries).
   *
   * @param payoutId the payout; never null
   * @param partnerId the partner; never null
   * @param before the exclusive bound on {@code payableAt}; never null
   * @param currency the programme currency; never null
   * @return the sum of the entries this call assigned (EARNED minus REVERSED); zero if none
   */
  Money assign(PayoutId payoutId, PartnerId partnerId, Instant before, Currency currency);

  /**
   * Stores new payouts and assigns to each every unassigned {@code EARNED} and {@code REVERSED}
   * entry of its partner with {@code payableAt} before the given instant, as {@link #insertPayout}
   * and {@link #assign} would one payout at a time: a period close settles a page of partners with
   * this call. The default does exactly that; adapters should store and assign the whole list in a
   * few statements, in storage.
   *
   * @param payouts the new payouts, at most one per partner; never null, no null element; may be
   *     empty
   * @param before the exclusive bound on {@code payableAt}; never null
   * @param currency the programme currency; never null
   * @return for each payout, the sum of the entries assigned to it (EARNED minus REVERSED; zero if
   *     none)
   * @throws org.partnerprogram.core.domain.ConflictException if a payout with one of the ids exists
   *     (the caller's transaction must then be rolled back)
   */
  default Map<PayoutId, Money> insertAndAssign(
      List<Payout> payouts, Instant before, Currency currency) {
    Map<PayoutId, Money> assigned = new LinkedHashMap<>();
    for (Payout payout : payouts) {
      insertPayout(payout);
      assigned.put(
          payout.payoutId(), assign(payout.payoutId(), payout.partnerId(), before, currency));
    }
    return assigned;
  }

  /**
   * Releases a failed payout's entries: they become unassigned and payable again, while the payout
   * keeps the record of the entries it was made with, so {@link #entriesOfPayout} returns them
   * after the release as before (a closed month's statement never changes). Releasing a payout
   * twice changes nothing.
   *
   * @param payoutId the payout; never null
   */
  void release(PayoutId payoutId);

  /**
   * Deletes a payout made in the current transaction that turned out not to be payable, together
   * with its assignments, keeping no record of them: its entries become unassigned again. Only a
   * period close calls it, on a payout of its own.
   *
   * @param payoutId the payout; never null
   */
  void deletePayout(PayoutId payoutId);

  /**
   * Records which entries a month's close carried over for partners it made no payout for: for each
   * partner, every unassigned {@code EARNED} and {@code REVERSED} entry with {@code payableAt}
   * before the given instant, in storage (never by loading the entries). The entries stay
   * unassigned (a later close pays them); the record only says they made up the carried balance, so
   * the month's statement can list them for good.
   *
   * @param period the closed month; never null
   * @param partners the partners carried over, each at most once; never null, no null element; may
   *     be empty
   * @param before the exclusive bound on {@code payableAt}; never null
   * @param currency the programme currency; never null
   * @return for each partner, the sum of the entries recorded (EARNED minus REVERSED; zero if none)
   */
  Map<PartnerId, Money> recordCarriedOver(
      YearMonth period, List<PartnerId> partners, Instant before, Currency currency);

  /**
   * The entries a month's close carried over for a partner (recorded by {@link
   * #recordCarriedOver}), whether or not a later close has paid them since.
   *
   * @param period the closed month; never null
   * @param partnerId the partner; never null
   * @return the entries ordered by order id, line number, then recording time; empty if none
   */
  List<LedgerEntry> carriedOverEntries(YearMonth period, PartnerId partnerId);

  /**
   * Replaces a payout's amount, status, status time and failure reason, if its stored status is the
   * expected one.
   *
   * @param payout the changed payout; never null
   * @param expected the status it must have in storage; never null
   * @return true if updated; false, writing nothing, if the stored status differs (a concurrent
   *     change won) or the payout does not exist
   */
  boolean update(Payout payout, PayoutStatus expected);

  /**
   * Marks every CREATED payout of a month EXPORTED at an instant, as {@link #update} from CREATED
   * would one payout at a time: payouts in any other status are left as they are. The default does
   * exactly that over {@link #forEachPayoutOfPeriod}; adapters should do it in one statement, since
   * a month can have hundreds of thousands of payouts.
   *
   * @param period the month; never null
   * @param at the new status time; never null
   * @return how many payouts were marked
   */
  default int markExported(YearMonth period, Instant at) {
    int[] marked = {0};
    forEachPayoutOfPeriod(
        period,
        p -> {
          if (p.status() == PayoutStatus.CREATED && update(p.exported(at), PayoutStatus.CREATED)) {
            marked[0]++;
          }
        });
    return marked[0];
  }

  /**
   * Looks a payout up.
   *
   * @param payoutId the payout; never null
   * @return the payout, or empty if unknown
   */
  Optional<Payout> find(PayoutId payoutId);

  /**
   * The payouts a month's close made.
   *
   * @param period the month; never null
   * @return the payouts ordered by payout id (as {@link String#compareTo}); empty if none
   */
  List<Payout> payoutsOfPeriod(YearMonth period);

  /**
   * Gives the payouts a month's close made to an action one at a time, in the order of {@link
   * #payoutsOfPeriod}, without holding them all: an export of a large month streams through this.
   * The default reads {@link #payoutsOfPeriod} into memory; adapters should stream. The action may
   * call this store (for example {@link #update}); the payouts it is given are as they were when
   * the reading started. A call from the action may cost the streaming, though: MariaDB's driver
   * reads the rest of a streaming result into memory before it sends another statement on the
   * connection, so the SDK itself only reads while streaming (see {@link #markExported}).
   *
   * @param period the month; never null
   * @param action called once per payout; never null
   */
  default void forEachPayoutOfPeriod(YearMonth period, Consumer<Payout> action) {
    payoutsOfPeriod(period).forEach(action);
  }

  /**
   * Removes the account (IBAN and holder name) from every payout of a partner, in the caller's unit
   * of work: an erased partner's payouts keep their amounts, periods and states, but no longer say
   * where the money went. Read back, their {@link Payout#account()} is empty.
   *
   * @param partnerId the partner; never null
   * @return how many payouts had an account removed, zero if none
   */
  int eraseAccounts(PartnerId partnerId);

  /**
   * A partner's latest payouts.
   *
   * @param partnerId the partner; never null
   * @param limit the most to return, at least 1
   * @return newest period first, then by payout id
   */
  List<Payout> recentPayouts(PartnerId partnerId, int limit);

  /**
   * The totals of a partner's payouts that did not fail: those on their way (CREATED or EXPORTED)
   * and those paid (PAID).
   *
   * @param partnerId the partner; never null
   * @param currency the programme currency; never null
   * @return the totals; zeros if none
   */
  PayoutTotals payoutTotals(PartnerId partnerId, Currency currency);

  /**
   * Stores what a close did for one partner.
   *
   * @param line the line; never null
   */
  void insertCloseLine(PeriodCloseLine line);

  /**
   * Stores what a close did for several partners, as {@link #insertCloseLine} would one at a time.
   * The default does exactly that; adapters should write them in one batch.
   *
   * @param lines the lines; never null, no null element; may be empty
   */
  default void insertCloseLines(List<PeriodCloseLine> lines) {
    lines.forEach(this::insertCloseLine);
  }

  /**
   * What a close did.
   *
   * @param period the month; never null
   * @return the lines ordered by partner id (as {@link String#compareTo}); empty if the month was
   *     not closed or had nothing payable
   */
  List<PeriodCloseLine> closeLines(YearMonth period);

  /**
   * What a month's close did for one partner.
   *
   * @param period the month; never null
   * @param partnerId the partner; never null
   * @return the line, or empty if the month was not closed or the partner had nothing payable at
   *     its close
   */
  Optional<PeriodCloseLine> closeLine(YearMonth period, PartnerId partnerId);

  /**
   * Gives what a close did to an action one line at a time, in the order of {@link #closeLines},
   * without holding them all: reading the lines of a close of hundreds of thousands of partners
   * streams through this. The default reads {@link #closeLines} into memory; adapters should
   * stream.
   *
   * @param period the month; never null
   * @param action called once per line; never null
   */
  default void forEachCloseLine(YearMonth period, Consumer<PeriodCloseLine> action) {
    closeLines(period).forEach(action);
  }

  /**
   * The entries a payout was made with: those it pays, or, after it failed and was {@linkplain
   * #release released}, those it paid before the release.
   *
   * @param payoutId the payout; never null
   * @return the entries ordered by order id, line number, then recording time; empty if none
   */
  List<LedgerEntry> entriesOfPayout(PayoutId payoutId);

  /**
   * A page of a partner's payouts, newest first: by period descending, then by payout id descending
   * (ids compared as Java compares strings); the payouts after {@code after} in that order, at most
   * {@code limit}. Every status is included. An adapter reads an index range of the partner's
   * payouts.
   *
   * @param partnerId the partner; never null
   * @param after the payout the previous page ended with, or empty for the first page; never null
   * @param limit the most payouts to return, at least 1
   * @return up to {@code limit} payouts in that order; empty if none (more)
   */
  List<Payout> payoutsOfPartner(PartnerId partnerId, Optional<PayoutKey> after, int limit);

  /**
   * Where a page of {@link #payoutsOfPartner} ended.
   *
   * @param period the last payout's period; never null
   * @param payoutId the last payout's id; never null
   */
  record PayoutKey(YearMonth period, PayoutId payoutId) {
    /**
     * Checks for nulls.
     *
     * @throws NullPointerException if a part is null
     */
    public PayoutKey {
      java.util.Objects.requireNonNull(period, "period");
      java.util.Objects.requireNonNull(payoutId, "payoutId");
    }
  }
}
