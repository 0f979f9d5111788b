package org.partnerprogram.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerErasure;
import org.partnerprogram.core.domain.PartnerErasureRefusedException;
import org.partnerprogram.core.domain.PartnerErasureRefusedException.Reason;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccountChange;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.event.PartnerErased;
import org.partnerprogram.core.port.out.PayoutStore;
import org.partnerprogram.core.port.out.ProgramStorage;

/**
 * Erasure of a partner (GDPR art. 17), once the books no longer need the partner: refused while the
 * partner is still in the programme, a payout is on its way, the balance is not zero, or the latest
 * ledger entry or payout is younger than the bookkeeping retention. Otherwise, in one unit of work:
 * the customer account id is replaced by its keyed pseudonym, the payout accounts are deleted from
 * the history and removed from the payouts, the codes are revoked and each vanity code is replaced
 * by its pseudonym (in the code table, the clicks and the attribution decisions), and the partner's
 * events still held are rewritten to match. Amounts, ledger, payouts and periods stay, so the
 * programme's totals do not change.
 */
final class PartnerErasures {
  /** Payouts read per page when looking for the latest one. */
  private static final int PAYOUT_PAGE = 500;

  private final ServiceContext ctx;
  private final ProgramStorage storage;

  PartnerErasures(ServiceContext ctx) {
    this.ctx = ctx;
    this.storage = ctx.storage;
  }

  /**
   * Erases a partner, or returns the erasure done before.
   *
   * @param partnerId the partner
   * @return the erasure, the same value on every call
   */
  PartnerErasure erase(PartnerId partnerId) {
    ServiceContext.required("partnerId", partnerId);
    return ctx.tx.execute(
        () -> {
          Partner partner = ctx.partner(partnerId);
          if (partner.isErased()) {
            return PartnerErasure.of(partner);
          }
          Instant now = ctx.now();
          refuseWhileNeeded(partner, now);
          CustomerAccountId pseudonym =
              ctx.pseudonyms.partnerPseudonymOf(partner.customerAccountId());
          Map<String, String> replacements = new LinkedHashMap<>();
          replacements.put(partner.customerAccountId().value(), pseudonym.value());
          for (PayoutAccountChange change : storage.partners().payoutAccountHistory(partnerId)) {
            String masked = change.account().iban().masked();
            replacements.put(masked, erasedIban(masked));
          }
          partner
              .payoutAccount()
              .ifPresent(a -> replacements.put(a.iban().masked(), erasedIban(a.iban().masked())));
          Partner erased = partner.erase(now, pseudonym);
          storage.partners().update(erased);
          storage.partners().deletePayoutAccountHistory(partnerId);
          storage.payouts().eraseAccounts(partnerId);
          for (IssuedCode code : storage.codes().findByPartner(partnerId)) {
            if (code.isLive() && !storage.codes().revoke(code.code(), now)) {
              throw new RetryableException(
                  "referral code " + code.code() + " changed concurrently", null);
            }
            if (code.vanity()) {
              ReferralCode replacement = ctx.pseudonyms.pseudonymOf(code.code());
              if (!storage.codes().replaceCode(code.code(), replacement)) {
                throw new RetryableException(
                    "referral code " + code.code() + " changed concurrently", null);
              }
              storage.touches().replaceCode(partnerId, code.code(), replacement);
              storage.attributions().replaceCode(partnerId, code.code(), replacement);
              replacements.put(code.code().value(), replacement.value());
            }
          }
          ctx.events.replaceValuesOfPartner(partnerId, replacements);
          ctx.events.publish(new PartnerErased(ctx.newEventId(), now, partnerId));
          return PartnerErasure.of(erased);
        });
  }

  /** The masked IBAN with its last digits hidden as well: only the country is left. */
  private static String erasedIban(String masked) {
    return masked.substring(0, 2) + "*".repeat(masked.length() - 2);
  }

  /** Refuses while the programme or its books still need the partner. */
  private void refuseWhileNeeded(Partner partner, Instant now) {
    PartnerId id = partner.id();
    if (partner.status() != PartnerStatus.TERMINATED) {
      throw new PartnerErasureRefusedException(
          id,
          Reason.STILL_ACTIVE,
          null,
          "the partner is " + partner.status() + "; it must leave the programme first");
    }
    Balance balance = storage.balanceNetOfPayouts(id, ctx.terms.currency(), now);
    if (!balance.inPayout().isZero()) {
      throw new PartnerErasureRefusedException(
          id,
          Reason.PAYOUT_IN_PROGRESS,
          null,
          "payouts of " + balance.inPayout() + " are on their way; mark them paid or failed first");
    }
    if (!balance.pending().isZero() || !balance.held().isZero() || !balance.payable().isZero()) {
      throw new PartnerErasureRefusedException(
          id,
          Reason.OPEN_BALANCE,
          null,
          "the balance is not settled (pending "
              + balance.pending()
              + ", held "
              + balance.held()
              + ", payable "
              + balance.payable()
              + "); pay it out or settle it first");
    }
    Optional<Instant> latest = latestRecord(id);
    if (latest.isPresent()) {
      Instant until =
          latest.get().atZone(ctx.terms.zone()).plus(ctx.terms.bookkeepingRetention()).toInstant();
      if (now.isBefore(until)) {
        throw new PartnerErasureRefusedException(
            id,
            Reason.WITHIN_RETENTION,
            until,
            "the books keep what explains the partner's money for "
                + ctx.terms.bookkeepingRetention()
                + " after its latest ledger entry or payout ("
                + latest.get()
                + ")");
      }
    }
  }

  /** When the partner's latest ledger entry was recorded or a payout last changed state. */
  private Optional<Instant> latestRecord(PartnerId id) {
    Optional<Instant> latest =
        storage.ledger().recentEntries(id, 1).stream().map(LedgerEntry::recordedAt).findFirst();
    Optional<PayoutStore.PayoutKey> after = Optional.empty();
    List<Payout> page;
    do {
      page = storage.payouts().payoutsOfPartner(id, after, PAYOUT_PAGE);
      for (Payout p : page) {
        after = Optional.of(new PayoutStore.PayoutKey(p.period(), p.payoutId()));
        if (latest.isEmpty() || p.statusChangedAt().isAfter(latest.get())) {
          latest = Optional.of(p.statusChangedAt());
        }
      }
    } while (page.size() == PAYOUT_PAGE);
    return latest;
  }
}
