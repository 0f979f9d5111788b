package org.partnerprogram.core.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.Adjustment;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.LedgerLine;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;

/**
 * The append-only commission ledger: priced lines and the movements on them. Nothing is updated or
 * deleted. An adapter enforces unique (order, line) for priced lines and unique (source event,
 * order, line, kind) for entries, so a redelivered or concurrent event cannot book twice.
 */
public interface LedgerStore {

  /**
   * Stores a priced line unless the order line is priced already.
   *
   * @param line the line; never null
   * @return true if stored; false, writing nothing, if (order, line) exists (also concurrently)
   */
  boolean insertLine(CommissionLine line);

  /**
   * The priced lines of an order.
   *
   * @param orderId the order; never null
   * @return the lines in line-number order; empty if the order earned nothing or is unknown
   */
  List<CommissionLine> linesOfOrder(OrderId orderId);

  /**
   * Appends an entry unless one with the same source event, order, line and kind exists.
   *
   * @param entry the entry; never null
   * @return true if appended; false, writing nothing, on such a duplicate (also concurrently)
   */
  boolean append(LedgerEntry entry);

  /**
   * Appends entries, each as {@link #append} would: an entry whose source event, order, line and
   * kind exist already (stored before, also concurrently, or earlier in the list) is skipped,
   * writing nothing for it. The default calls {@link #append} for each entry in list order; an
   * adapter that can write them in one round trip (a JDBC batch) should, as recording a payment
   * appends the entries of all its lines with one call.
   *
   * @param entries the entries, in the order to append them; never null, no null elements; may be
   *     empty (nothing is written)
   */
  default void appendAll(List<LedgerEntry> entries) {
    for (LedgerEntry entry : entries) {
      append(entry);
    }
  }

  /**
   * Stores the details of an adjustment or write-off whose ledger entry ({@link
   * Adjustment#toEntry}) was appended in the same unit of work. The core claims the adjustment's id
   * as a host event first, so an adapter never sees the same adjustment twice.
   *
   * @param adjustment the adjustment; never null
   * @throws org.partnerprogram.core.domain.ConflictException if one with its id exists
   */
  void insertAdjustment(Adjustment adjustment);

  /**
   * An adjustment or write-off by its id.
   *
   * @param adjustmentId the adjustment's id; never null
   * @return the adjustment, or empty if there is none with that id
   */
  Optional<Adjustment> findAdjustment(EventId adjustmentId);

  /**
   * The adjustments and write-offs booked by the given ledger entries, for a statement or a partner
   * page that lists them.
   *
   * @param entryIds the entries; never null, no null element; may be empty; ids that book no
   *     adjustment are ignored
   * @return the adjustments ordered by booking time, then adjustment id
   */
  List<Adjustment> adjustmentsOfEntries(Collection<UUID> entryIds);

  /**
   * The entries of an order.
   *
   * @param orderId the order; never null
   * @return the entries ordered by recording time, then line number, then kind; empty if none
   */
  List<LedgerEntry> entriesOfOrder(OrderId orderId);

  /**
   * The entries one host event caused.
   *
   * @param eventId the event; never null
   * @return the entries ordered by line number, then kind; empty if none
   */
  List<LedgerEntry> entriesOfEvent(EventId eventId);

  /**
   * A partner's most recent entries, for the overview.
   *
   * @param partnerId the partner; never null
   * @param limit the most entries to return, at least 1
   * @return up to {@code limit} entries, newest first (by recording time, then entry id)
   */
  List<LedgerEntry> recentEntries(PartnerId partnerId, int limit);

  /**
   * A page of a partner's entries, for the partner's data export: those recorded at or before
   * {@code recordedBy}, ordered by {@code recordedAt}, then entry id (as {@link UUID#compareTo}),
   * ascending; the entries after {@code after} in that order, at most {@code limit}. An adapter
   * reads an index range of the partner's entries (it never scans other partners' entries nor holds
   * all of the partner's), so that a partner with millions of entries is read page by page.
   *
   * @param partnerId the partner; never null
   * @param recordedBy the latest recording time returned, inclusive; never null
   * @param after the entry the previous page ended with, or empty for the first page; never null
   * @param limit the most entries to return, at least 1
   * @return up to {@code limit} entries in that order; empty if none (more)
   */
  List<LedgerEntry> entriesOfPartner(
      PartnerId partnerId, Instant recordedBy, Optional<EntryKey> after, int limit);

  /**
   * Where a page of {@link #entriesOfPartner} ended.
   *
   * @param recordedAt the last entry's recording time; never null
   * @param entryId the last entry's id; never null
   */
  record EntryKey(Instant recordedAt, UUID entryId) {
    /**
     * Checks for nulls.
     *
     * @throws NullPointerException if a part is null
     */
    public EntryKey {
      Objects.requireNonNull(recordedAt, "recordedAt");
      Objects.requireNonNull(entryId, "entryId");
    }

    /**
     * The key of an entry.
     *
     * @param entry the entry; never null
     * @return its key
     */
    public static EntryKey of(LedgerEntry entry) {
      return new EntryKey(entry.recordedAt(), entry.entryId());
    }
  }

  /**
   * A partner's balance from the ledger alone, aggregated in storage (never by loading every
   * entry): {@code inPayout} and {@code paid} are zero and {@code payable} is gross of payouts (all
   * EARNED minus REVERSED with {@code payableAt <= asOf}); the core nets the payouts of {@link
   * PayoutStore#payoutTotals}.
   *
   * @param partnerId the partner; never null
   * @param currency the programme currency; never null
   * @param asOf the instant that separates held from payable; never null
   * @return the balance; zeros if the partner has no entries
   */
  Balance balance(PartnerId partnerId, Currency currency, Instant asOf);

  /**
   * The earliest {@code payableAt} of any {@code EARNED} or {@code REVERSED} entry: a programme's
   * first close is the month that holds it (or an earlier one).
   *
   * @return the instant, or empty if nothing ever became payable
   */
  Optional<Instant> firstPayableAt();

  /**
   * A page of a partner's ledger lines: its priced lines ({@link #insertLine}) of orders placed in
   * {@code [from, to)}, each with its state derived by {@link LedgerLine#stateOf} from the line's
   * EARNED entry (its {@code payableAt}, and the status of the payout it is assigned to, if any) as
   * of {@code now}, and with {@code reversed} the sum of the line's CANCELLED and REVERSED entries.
   * Ordered by {@code placedAt}, then order id, then line number, ascending; the rows after {@code
   * after} in that order, the first {@code limit} of those in {@code state} (if given). An adapter
   * reads an index range of the partner's lines from {@code from} on (it never scans other
   * partners' lines); the order of two order ids placed at the same instant may follow the
   * database's collation, as long as it is one total order that {@code after} continues.
   *
   * @param wanted the partner, the period, the state, the instant, where the page starts and its
   *     size; never null
   * @return up to {@code limit} lines in that order; empty if none (more) match
   */
  List<LedgerLine> ledgerLines(LinesWanted wanted);

  /**
   * What a page of {@link #ledgerLines} asks for.
   *
   * @param partnerId the partner; never null
   * @param from the first instant, inclusive; never null
   * @param to the last instant, exclusive; never null
   * @param state the one state to return, or empty for all; never null
   * @param now the instant that separates held from payable; never null
   * @param after the line the previous page ended with, or empty for the first page; never null
   * @param limit the most lines to return, at least 1
   */
  record LinesWanted(
      PartnerId partnerId,
      Instant from,
      Instant to,
      Optional<LedgerLine.State> state,
      Instant now,
      Optional<LedgerLineKey> after,
      int limit) {
    /** Checks for nulls and a positive limit. */
    public LinesWanted {
      Objects.requireNonNull(partnerId, "partnerId");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(now, "now");
      Objects.requireNonNull(after, "after");
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be at least 1, was " + limit);
      }
    }
  }

  /**
   * Where a page of {@link #ledgerLines} ended: the last line's order placement, order and line.
   *
   * @param placedAt when the order was placed; never null
   * @param orderId the order; never null
   * @param lineNumber the line
   */
  record LedgerLineKey(Instant placedAt, OrderId orderId, int lineNumber) {
    /**
     * Checks for nulls.
     *
     * @throws NullPointerException if a part is null
     */
    public LedgerLineKey {
      java.util.Objects.requireNonNull(placedAt, "placedAt");
      java.util.Objects.requireNonNull(orderId, "orderId");
    }

    /**
     * The key of a line.
     *
     * @param line the line; never null
     * @return its key
     */
    public static LedgerLineKey of(LedgerLine line) {
      return new LedgerLineKey(line.placedAt(), line.orderId(), line.lineNumber());
    }
  }
}
