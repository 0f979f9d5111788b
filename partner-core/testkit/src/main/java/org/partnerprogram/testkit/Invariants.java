package org.partnerprogram.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.port.out.PayoutTotals;
import org.partnerprogram.core.port.out.ProgramStorage;

/**
 * Checkers for the invariants of DESIGN.md that every storage adapter and every change must keep,
 * usable from any test with any {@link ProgramStorage}. The ports cannot list every partner, order
 * or month, so each checker is given what to look at. Every checker reads through the storage's own
 * transaction boundary and throws an {@link AssertionError} with a readable message on a violation.
 *
 * <pre>{@code
 * Invariants.conservation(storage, currency, List.of(partnerId), clock.instant(), closedMonths);
 * Invariants.payoutsPayTheirEntries(storage, closedMonths);
 * Invariants.commissionBounds(storage, orderIds);
 * Invariants.ClosedPeriod before = Invariants.snapshot(storage, YearMonth.of(2026, 11));
 * // ... more activity ...
 * before.assertUnchangedIn(storage);
 * }</pre>
 */
public final class Invariants {
  /** How far past {@code asOf} entries are looked for (beyond the longest holding period). */
  private static final Duration HORIZON = Duration.ofDays(800);

  private Invariants() {}

  /**
   * Conservation per partner: {@code held + payable + paid = earned - reversed} on the balance the
   * core shows (computed from the ports as the core does), {@code pending >= 0}, and, independently
   * of that arithmetic, the partner's live payouts in the given months plus the signed sum of the
   * partner's unassigned payable entries equal {@code earned - reversed + adjusted}, and {@code
   * PayoutStore.paidTotal} equals the sum of those live payouts.
   *
   * @param storage the storage
   * @param currency the programme currency
   * @param partners the partners to check
   * @param asOf the instant separating held from payable (the programme clock's now)
   * @param closedMonths every month closed so far (the payouts of other months are not seen)
   * @throws AssertionError on a violation
   */
  public static void conservation(
      ProgramStorage storage,
      Currency currency,
      Collection<PartnerId> partners,
      Instant asOf,
      Collection<YearMonth> closedMonths) {
    storage
        .transactions()
        .execute(
            () -> {
              Map<PartnerId, Money> live = new HashMap<>();
              for (YearMonth month : closedMonths) {
                for (Payout p : storage.payouts().payoutsOfPeriod(month)) {
                  if (p.status() != PayoutStatus.FAILED) {
                    live.merge(p.partnerId(), p.amount(), Money::plus);
                  }
                }
              }
              Map<PartnerId, Money> unassignedByPartner = new HashMap<>();
              Optional<PartnerId> after = Optional.empty();
              while (true) {
                List<PartnerAmount> page =
                    storage.payouts().unassignedPayable(asOf.plus(HORIZON), currency, after, 500);
                page.forEach(a -> unassignedByPartner.put(a.partnerId(), a.amount()));
                if (page.size() < 500) {
                  break;
                }
                after = Optional.of(page.get(page.size() - 1).partnerId());
              }
              for (PartnerId partner : partners) {
                Balance ledger = storage.ledger().balance(partner, currency, asOf);
                PayoutTotals totals = storage.payouts().payoutTotals(partner, currency);
                Money paid = totals.total();
                Balance b =
                    new Balance(
                        ledger.pending(),
                        ledger.held(),
                        ledger.payable().minus(paid),
                        totals.inPayout(),
                        totals.paid(),
                        ledger.earned(),
                        ledger.reversed(),
                        ledger.adjusted());
                Money net = b.earned().minus(b.reversed()).plus(b.adjusted());
                check(
                    b.held().plus(b.payable()).plus(b.inPayout()).plus(b.paid()).equals(net),
                    "partner %s: held %s + payable %s + in payout %s + paid %s != earned %s -"
                        + " reversed %s + adjusted %s",
                    partner,
                    b.held(),
                    b.payable(),
                    b.inPayout(),
                    b.paid(),
                    b.earned(),
                    b.reversed(),
                    b.adjusted());
                check(
                    !b.pending().isNegative(), "partner %s: pending %s < 0", partner, b.pending());
                Money payouts = live.getOrDefault(partner, Money.zero(currency));
                check(
                    paid.equals(payouts),
                    "partner %s: paidTotal %s != sum of its live payouts %s in months %s",
                    partner,
                    paid,
                    payouts,
                    closedMonths);
                Money unassigned = unassignedByPartner.getOrDefault(partner, Money.zero(currency));
                check(
                    payouts.plus(unassigned).equals(net),
                    "partner %s: live payouts %s + unassigned entries %s != earned %s - reversed %s"
                        + " + adjusted %s (an entry paid twice or lost?)",
                    partner,
                    payouts,
                    unassigned,
                    b.earned(),
                    b.reversed(),
                    b.adjusted());
              }
              return null;
            });
  }

  /**
   * Payouts pay exactly their entries: every payout of the given months that did not fail has an
   * amount equal to the signed sum ({@code EARNED} plus, {@code REVERSED} minus) of {@code
   * entriesOfPayout}, only of its own partner; a failed payout pays no entries; and no entry id
   * appears in two payouts.
   *
   * @param storage the storage
   * @param months the closed months to check
   * @throws AssertionError on a violation
   */
  public static void payoutsPayTheirEntries(ProgramStorage storage, Collection<YearMonth> months) {
    storage
        .transactions()
        .execute(
            () -> {
              Map<UUID, PayoutId> paidBy = new HashMap<>();
              for (YearMonth month : months) {
                for (Payout p : storage.payouts().payoutsOfPeriod(month)) {
                  List<LedgerEntry> entries = storage.payouts().entriesOfPayout(p.payoutId());
                  boolean failed = p.status() == PayoutStatus.FAILED;
                  Money sum = Money.zero(p.amount().currency());
                  for (LedgerEntry e : entries) {
                    check(
                        e.kind().payable(),
                        "payout %s pays a %s entry %s",
                        p.payoutId(),
                        e.kind(),
                        e.entryId());
                    check(
                        e.partnerId().equals(p.partnerId()),
                        "payout %s of partner %s pays entry %s of partner %s",
                        p.payoutId(),
                        p.partnerId(),
                        e.entryId(),
                        e.partnerId());
                    sum = sum.plus(signed(e));
                    if (failed) {
                      continue; // what it was made with: released, it pays none of them
                    }
                    PayoutId earlier = paidBy.put(e.entryId(), p.payoutId());
                    check(
                        earlier == null,
                        "entry %s (order %s line %d, %s %s) is paid by payouts %s and %s",
                        e.entryId(),
                        e.orderId(),
                        e.lineNumber(),
                        e.kind(),
                        e.amount(),
                        earlier,
                        p.payoutId());
                  }
                  check(
                      sum.equals(p.amount()),
                      "%s payout %s of %s for %s is %s but its %d entries sum to %s",
                      p.status(),
                      p.payoutId(),
                      month,
                      p.partnerId(),
                      p.amount(),
                      entries.size(),
                      sum);
                }
              }
              return null;
            });
  }

  /**
   * Commission bounds: every priced line of the given orders has {@code 0 <= commission <= net},
   * and per line the {@code CANCELLED} plus {@code REVERSED} entries total at most the commission
   * and the {@code EARNED} entries at most the commission.
   *
   * @param storage the storage
   * @param orders the orders to check (unknown or non-earning orders pass)
   * @throws AssertionError on a violation
   */
  public static void commissionBounds(ProgramStorage storage, Collection<OrderId> orders) {
    storage
        .transactions()
        .execute(
            () -> {
              for (OrderId order : orders) {
                Map<Integer, CommissionLine> lines = new LinkedHashMap<>();
                for (CommissionLine line : storage.ledger().linesOfOrder(order)) {
                  check(
                      !line.commission().isNegative()
                          && line.commission().compareTo(line.net()) <= 0,
                      "order %s line %d: commission %s outside [0, net %s]",
                      order,
                      line.lineNumber(),
                      line.commission(),
                      line.net());
                  lines.put(line.lineNumber(), line);
                }
                Map<Integer, Money> takenBack = new HashMap<>();
                Map<Integer, Money> earned = new HashMap<>();
                for (LedgerEntry e : storage.ledger().entriesOfOrder(order)) {
                  if (e.kind() == LedgerEntry.Kind.CANCELLED
                      || e.kind() == LedgerEntry.Kind.REVERSED) {
                    takenBack.merge(e.lineNumber(), e.amount(), Money::plus);
                  } else if (e.kind() == LedgerEntry.Kind.EARNED) {
                    earned.merge(e.lineNumber(), e.amount(), Money::plus);
                  }
                }
                for (Map.Entry<Integer, Money> t : bothKeys(takenBack, earned).entrySet()) {
                  CommissionLine line = lines.get(t.getKey());
                  check(
                      line != null,
                      "order %s line %d has ledger entries but no priced line",
                      order,
                      t.getKey());
                  Money back = takenBack.get(t.getKey());
                  check(
                      back == null || back.compareTo(line.commission()) <= 0,
                      "order %s line %d: cancelled + reversed %s > commission %s",
                      order,
                      t.getKey(),
                      back,
                      line.commission());
                  Money in = earned.get(t.getKey());
                  check(
                      in == null || in.compareTo(line.commission()) <= 0,
                      "order %s line %d: earned %s > commission %s",
                      order,
                      t.getKey(),
                      in,
                      line.commission());
                }
              }
              return null;
            });
  }

  /**
   * What a closed month looks like now: its payouts and close lines.
   *
   * @param storage the storage
   * @param month a closed month
   * @return the snapshot
   * @throws AssertionError if the month is not closed
   */
  public static ClosedPeriod snapshot(ProgramStorage storage, YearMonth month) {
    return storage
        .transactions()
        .execute(
            () -> {
              check(
                  storage.payouts().findClose(month).isPresent(), "month %s is not closed", month);
              List<PayoutView> payouts = new ArrayList<>();
              for (Payout p : storage.payouts().payoutsOfPeriod(month)) {
                payouts.add(
                    new PayoutView(
                        p.payoutId(), p.partnerId(), p.amount(), p.account(), p.status()));
              }
              return new ClosedPeriod(
                  month, List.copyOf(payouts), List.copyOf(storage.payouts().closeLines(month)));
            });
  }

  /**
   * Every invariant at once: conservation, payouts paying their entries, commission bounds.
   *
   * @param storage the storage
   * @param currency the programme currency
   * @param partners the partners to check
   * @param orders the orders to check
   * @param closedMonths every month closed so far
   * @param asOf the programme clock's now
   * @throws AssertionError on a violation
   */
  public static void all(
      ProgramStorage storage,
      Currency currency,
      Collection<PartnerId> partners,
      Collection<OrderId> orders,
      Collection<YearMonth> closedMonths,
      Instant asOf) {
    conservation(storage, currency, partners, asOf, closedMonths);
    payoutsPayTheirEntries(storage, closedMonths);
    commissionBounds(storage, orders);
  }

  /**
   * A payout as a closed period fixes it.
   *
   * @param payoutId the id
   * @param partnerId the partner
   * @param amount the amount
   * @param account the account paid to; empty once the partner was erased
   * @param status the status when the snapshot was taken
   */
  public record PayoutView(
      PayoutId payoutId,
      PartnerId partnerId,
      Money amount,
      Optional<PayoutAccount> account,
      PayoutStatus status) {}

  /**
   * A snapshot of a closed month: its payouts and close lines. Once a month is closed these never
   * change, except that a payout's status moves on (created, exported, then paid or failed).
   *
   * @param month the month
   * @param payouts its payouts, ordered by payout id
   * @param lines its close lines, ordered by partner id
   */
  public record ClosedPeriod(
      YearMonth month, List<PayoutView> payouts, List<PeriodCloseLine> lines) {
    /**
     * Asserts that a later snapshot of the same month equals this one but for payout status
     * transitions allowed by the payout life cycle.
     *
     * @param later the later snapshot
     * @throws AssertionError if anything else changed
     */
    public void assertUnchanged(ClosedPeriod later) {
      check(month.equals(later.month), "snapshots of %s and %s compared", month, later.month);
      check(
          lines.equals(later.lines),
          "close lines of closed month %s changed:%n  was %s%n  now %s",
          month,
          lines,
          later.lines);
      check(
          payouts.size() == later.payouts.size(),
          "closed month %s had %d payouts, now %d:%n  was %s%n  now %s",
          month,
          payouts.size(),
          later.payouts.size(),
          payouts,
          later.payouts);
      for (int i = 0; i < payouts.size(); i++) {
        PayoutView a = payouts.get(i);
        PayoutView b = later.payouts.get(i);
        check(
            a.payoutId().equals(b.payoutId())
                && a.partnerId().equals(b.partnerId())
                && a.amount().equals(b.amount())
                && a.account().equals(b.account()),
            "payout of closed month %s changed:%n  was %s%n  now %s",
            month,
            a,
            b);
        check(
            allowed(a.status(), b.status()),
            "payout %s of closed month %s went from %s to %s",
            a.payoutId(),
            month,
            a.status(),
            b.status());
      }
    }

    /**
     * Asserts that the month looks the same in storage now, but for payout status transitions.
     *
     * @param storage the storage
     * @throws AssertionError if anything else changed
     */
    public void assertUnchangedIn(ProgramStorage storage) {
      assertUnchanged(snapshot(storage, month));
    }

    private static boolean allowed(PayoutStatus from, PayoutStatus to) {
      if (from == to) {
        return true;
      }
      return switch (from) {
        case CREATED -> true;
        case EXPORTED -> to == PayoutStatus.PAID || to == PayoutStatus.FAILED;
        default -> false;
      };
    }
  }

  private static Money signed(LedgerEntry e) {
    return switch (e.kind()) {
      case EARNED, CREDITED, WRITTEN_OFF -> e.amount();
      case REVERSED, DEBITED -> e.amount().negated();
      default ->
          throw new AssertionError(
              "entry " + e.entryId() + " of kind " + e.kind() + " in a payout");
    };
  }

  private static Map<Integer, Money> bothKeys(Map<Integer, Money> a, Map<Integer, Money> b) {
    Map<Integer, Money> keys = new LinkedHashMap<>(a);
    b.forEach(keys::putIfAbsent);
    return keys;
  }

  private static void check(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new AssertionError(String.format(java.util.Locale.ROOT, format, args));
    }
  }
}
