package org.partnerprogram.core;

import static org.partnerprogram.core.ServiceContext.required;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.AuditAction;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutPeriod;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.domain.PeriodCloseLine.CarryOverReason;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.event.MonthClosed;
import org.partnerprogram.core.domain.event.PayoutCreated;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.out.PayoutStore;
import org.partnerprogram.core.port.out.WorkProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes months: one close runs in one transaction that first claims the month, so it is all or
 * nothing and happens once even when two instances race; it pages through partners and lets storage
 * aggregate and assign entries, so it never holds a month of ledger entries in memory. Each
 * partner's payable balance becomes one payout, or carries over with the reason recorded ({@link
 * #carryOverReason}). Also streams what a close made: its payouts and its lines.
 */
final class PeriodCloseService {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodCloseService.class);

  /** Partners per page during a close. */
  static final int PAGE = 500;

  private final ServiceContext ctx;
  private final PayoutStore payouts;
  private final AuditTrail audit;

  PeriodCloseService(ServiceContext ctx) {
    this.ctx = ctx;
    this.payouts = ctx.storage.payouts();
    this.audit = new AuditTrail(ctx);
  }

  /**
   * Closes a month.
   *
   * @param month the month
   * @param act who closes it and why; recorded with the close, not with a repeated one
   * @return the result
   */
  PeriodCloseResult close(YearMonth month, Act act) {
    PayoutPeriod period = new PayoutPeriod(Instants.checkMonth("month", month), ctx.terms.zone());
    required("act", act);
    long start = ctx.observations.ticks();
    PeriodCloseResult result = settleMonth(period, act);
    if (result.alreadyClosed()) {
      LOG.debug("month {} was closed before, at {}", result.month(), result.closedAt());
    } else {
      LOG.info(
          "closed month {}: {} partners settled, {} payouts totalling {}, {} carried over{}, in {} ms",
          result.month(),
          result.payoutCount() + result.carriedOverCount(),
          result.payoutCount(),
          result.payoutTotal(),
          result.carriedOverCount(),
          result.carriedOver().isEmpty() ? "" : " " + result.carriedOver(),
          ctx.observations.since(start).toMillis());
    }
    return result;
  }

  private PeriodCloseResult settleMonth(PayoutPeriod period, Act act) {
    return ctx.tx.execute(
        () -> {
          Instant now = ctx.now();
          Optional<PeriodClose> done = payouts.findClose(period.month());
          if (done.isPresent()) {
            return closedBefore(done.get());
          }
          if (!period.hasEndedAt(now)) {
            throw new IllegalTransitionException(
                "month " + period + " has not ended yet; it can be closed from " + period.end());
          }
          Optional<PeriodClose> latest = payouts.latestClose();
          if (latest.isPresent() && !latest.get().period().isBefore(period.month())) {
            // Another instance closed this month (or a later one) since our first look.
            Optional<PeriodClose> closedMeanwhile = payouts.findClose(period.month());
            if (closedMeanwhile.isPresent()) {
              return closedBefore(closedMeanwhile.get());
            }
          }
          if (latest.isPresent() && !latest.get().period().plusMonths(1).equals(period.month())) {
            throw new IllegalTransitionException(
                "months are closed in order: the next month to close is "
                    + latest.get().period().plusMonths(1)
                    + ", not "
                    + period);
          }
          if (latest.isEmpty()) {
            Optional<YearMonth> first = firstMonthWithPayable();
            if (first.isPresent() && period.month().isAfter(first.get())) {
              throw new IllegalTransitionException(
                  "months are closed in order: the programme's first month to close is "
                      + first.get()
                      + ", when its first commission became payable, not "
                      + period);
            }
          }
          PeriodClose close = new PeriodClose(period.month(), now);
          if (!payouts.claimPeriod(close)) {
            return closedBefore(
                payouts
                    .findClose(period.month())
                    .orElseThrow(
                        () ->
                            new RetryableException("month " + period + " is being closed", null)));
          }
          // Only counts and the total are kept: the payouts and lines are read back on request,
          // so memory stays at one page however many partners the month has.
          Tally tally = new Tally(ctx.terms.currency());
          OptionalLong total = payouts.countUnassignedPayable(period.end(), ctx.terms.currency());
          progressed(period, 0, total);
          long settled = 0;
          Optional<PartnerId> after = Optional.empty();
          while (true) {
            List<PartnerAmount> page =
                payouts.unassignedPayable(period.end(), ctx.terms.currency(), after, PAGE);
            settle(period, page, now, tally);
            settled += page.size();
            progressed(period, settled, total);
            if (page.size() < PAGE) {
              break;
            }
            after = Optional.of(page.get(page.size() - 1).partnerId());
          }
          PeriodCloseResult closed = result(close, tally, false);
          ctx.events.publish(
              new MonthClosed(
                  ctx.newEventId(),
                  now,
                  period.month(),
                  closed.payoutCount(),
                  closed.payoutTotal(),
                  closed.carriedOverCount()));
          audit.record(act, AuditAction.MONTH_CLOSED, Optional.empty(), period.month().toString());
          return closed;
        });
  }

  /** Tells the observer how many partners are settled; the total is never less than that. */
  private void progressed(PayoutPeriod period, long done, OptionalLong total) {
    ctx.observations.progressed(
        new WorkProgress(
            WorkProgress.CLOSE,
            period.month(),
            done,
            total.isPresent() ? OptionalLong.of(Math.max(done, total.getAsLong())) : total));
  }

  /** The month in which the first commission became payable, if any did. */
  private Optional<YearMonth> firstMonthWithPayable() {
    return ctx.storage
        .ledger()
        .firstPayableAt()
        .map(at -> PayoutPeriod.containing(at, ctx.terms.zone()).month());
  }

  /**
   * The month a close should take next: the one after the latest closed month; before the first
   * close, the month in which the first commission became payable. It may not have ended yet.
   *
   * @return the month, or empty if no month was closed and nothing has become payable yet
   */
  Optional<YearMonth> nextMonthToClose() {
    return ctx.tx.execute(
        () -> {
          Optional<PeriodClose> latest = payouts.latestClose();
          if (latest.isPresent()) {
            return Optional.of(latest.get().period().plusMonths(1));
          }
          return firstMonthWithPayable();
        });
  }

  /** What a close made so far: counts and the payouts' total. */
  private static final class Tally {
    int payouts;
    final Map<CarryOverReason, Integer> carriedOver = new EnumMap<>(CarryOverReason.class);
    Money total;

    Tally(Currency currency) {
      this.total = Money.zero(currency);
    }

    void add(PeriodCloseLine line) {
      if (line.payoutId().isPresent()) {
        payouts++;
        total = total.plus(line.amount());
      } else {
        carriedOver.merge(line.carriedOver().orElseThrow(), 1, Integer::sum);
      }
    }
  }

  /**
   * Streams a closed month's payouts, in one unit of work of the storage's own boundary: never
   * repeated by the retry policy, since the action may have seen part of the stream when it fails.
   *
   * @param month the month
   * @param action called per payout
   */
  void forEachPayout(YearMonth month, Consumer<Payout> action) {
    streamed(month, action, () -> payouts.forEachPayoutOfPeriod(month, action));
  }

  /**
   * Streams a closed month's close lines, as {@link #forEachPayout} streams its payouts.
   *
   * @param month the month
   * @param action called per line
   */
  void forEachCloseLine(YearMonth month, Consumer<PeriodCloseLine> action) {
    streamed(month, action, () -> payouts.forEachCloseLine(month, action));
  }

  private void streamed(YearMonth month, Object action, Runnable read) {
    Instants.checkMonth("month", month);
    if (action == null) {
      throw new InvalidInputException("action", "must not be null");
    }
    ctx.storage
        .transactions()
        .execute(
            () -> {
              read.run();
              return null;
            });
  }

  /**
   * Settles one page of partners in a handful of storage calls: the partners are read at once, the
   * payouts stored and assigned at once, then the close lines and events written at once. The
   * page's close lines are counted in {@code tally}.
   */
  private void settle(PayoutPeriod period, List<PartnerAmount> page, Instant now, Tally tally) {
    Map<PartnerId, Partner> partners =
        ctx.storage.partners().findAllById(page.stream().map(PartnerAmount::partnerId).toList());
    List<PeriodCloseLine> lines = new ArrayList<>(page.size());
    List<Payout> made = new ArrayList<>(page.size());
    List<UUID> eventIds = new ArrayList<>(page.size());
    Map<PartnerId, CarryOverReason> carried = new LinkedHashMap<>();
    for (PartnerAmount payable : page) {
      Partner partner = partners.get(payable.partnerId());
      if (partner == null) {
        throw new NotFoundException("no partner with id " + payable.partnerId());
      }
      Optional<CarryOverReason> reason = carryOverReason(partner, payable.amount());
      if (reason.isPresent()) {
        carried.put(partner.id(), reason.get());
        continue;
      }
      made.add(
          new Payout(
              PayoutId.random(ctx.random()),
              partner.id(),
              period.month(),
              payable.amount(),
              Optional.of(partner.payoutAccount().orElseThrow()),
              PayoutStatus.CREATED,
              now,
              now,
              Optional.empty()));
      eventIds.add(ctx.newEventId());
    }
    Map<PayoutId, Money> assigned =
        payouts.insertAndAssign(made, period.end(), ctx.terms.currency());
    List<PayoutCreated> events = new ArrayList<>(made.size());
    for (int i = 0; i < made.size(); i++) {
      Payout payout = made.get(i);
      Money actual = assigned.getOrDefault(payout.payoutId(), Money.zero(ctx.terms.currency()));
      if (!actual.equals(payout.amount())) {
        // Entries committed by another instance between the page and the assignment: pay what
        // was actually assigned, or carry over if that is no longer payable.
        Partner partner = partners.get(payout.partnerId());
        Optional<CarryOverReason> reason = carryOverReason(partner, actual);
        if (reason.isPresent()) {
          payouts.deletePayout(payout.payoutId());
          carried.put(partner.id(), reason.get());
          continue;
        }
        Payout corrected =
            new Payout(
                payout.payoutId(),
                payout.partnerId(),
                payout.period(),
                actual,
                payout.account(),
                payout.status(),
                payout.createdAt(),
                payout.statusChangedAt(),
                payout.failureReason());
        payouts.update(corrected, PayoutStatus.CREATED);
        payout = corrected;
      }
      lines.add(
          new PeriodCloseLine(
              period.month(),
              payout.partnerId(),
              payout.amount(),
              Optional.of(payout.payoutId()),
              Optional.empty()));
      events.add(
          new PayoutCreated(
              eventIds.get(i),
              now,
              payout.partnerId(),
              payout.payoutId(),
              period.month(),
              payout.amount()));
    }
    if (!carried.isEmpty()) {
      // The close records which entries make up each carried balance, so the month's statement
      // lists them for good; the line carries what was recorded (the same as the page's sum
      // unless another instance committed entries meanwhile).
      Map<PartnerId, Money> recorded =
          payouts.recordCarriedOver(
              period.month(), List.copyOf(carried.keySet()), period.end(), ctx.terms.currency());
      for (Map.Entry<PartnerId, CarryOverReason> c : carried.entrySet()) {
        Money amount = recorded.getOrDefault(c.getKey(), Money.zero(ctx.terms.currency()));
        CarryOverReason reason =
            carryOverReason(partners.get(c.getKey()), amount).orElse(c.getValue());
        lines.add(
            new PeriodCloseLine(
                period.month(), c.getKey(), amount, Optional.empty(), Optional.of(reason)));
      }
    }
    lines.sort(Comparator.comparing(l -> l.partnerId().value()));
    payouts.insertCloseLines(lines);
    ctx.events.publishAll(events);
    lines.forEach(tally::add);
  }

  private Optional<CarryOverReason> carryOverReason(Partner partner, Money amount) {
    if (partner.status() == PartnerStatus.SUSPENDED) {
      return Optional.of(CarryOverReason.PARTNER_SUSPENDED);
    }
    if (partner.payoutAccount().isEmpty()) {
      return Optional.of(CarryOverReason.NO_PAYOUT_ACCOUNT);
    }
    if (!amount.isPositive()) {
      return Optional.of(CarryOverReason.NOT_POSITIVE);
    }
    if (amount.compareTo(ctx.terms.minimumPayout()) < 0) {
      return Optional.of(CarryOverReason.BELOW_MINIMUM);
    }
    if (amount.compareTo(ctx.terms.maximumPayout()) > 0) {
      // One partner's balance beyond a transfer's limit must not stop everybody's payouts.
      LOG.warn(
          "partner {} has {} payable, above the maximum payout {}: carried over for an operator",
          partner.id(),
          amount,
          ctx.terms.maximumPayout());
      return Optional.of(CarryOverReason.ABOVE_MAXIMUM_PAYOUT);
    }
    return Optional.empty();
  }

  /**
   * The result of a close made before: its summary is counted from its close lines, streamed, so
   * memory stays flat here too.
   */
  private PeriodCloseResult closedBefore(PeriodClose close) {
    Tally tally = new Tally(ctx.terms.currency());
    payouts.forEachCloseLine(close.period(), tally::add);
    return result(close, tally, true);
  }

  /** A close's result: its counts and total. */
  private static PeriodCloseResult result(PeriodClose close, Tally tally, boolean alreadyClosed) {
    return new PeriodCloseResult(
        close.period(),
        close.closedAt(),
        tally.payouts,
        tally.total,
        tally.carriedOver,
        alreadyClosed);
  }
}
