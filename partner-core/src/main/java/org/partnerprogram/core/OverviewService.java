package org.partnerprogram.core;

import static org.partnerprogram.core.ServiceContext.required;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PayoutPeriod;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.RatesInForce;
import org.partnerprogram.core.port.out.PartnerStore;
import org.partnerprogram.core.port.out.RateStore;
import org.partnerprogram.core.port.out.ReferralCodeStore;
import org.partnerprogram.core.port.out.TransactionBoundary;

/** The partner page: status, links, the rates in force, balances, recent entries and payouts. */
final class OverviewService {
  private final ServiceContext ctx;
  private final ProgramTerms terms;
  private final PartnerStore partners;
  private final ReferralCodeStore codes;
  private final RateStore rates;
  private final TransactionBoundary tx;

  OverviewService(ServiceContext ctx) {
    this.ctx = ctx;
    this.terms = ctx.terms;
    this.partners = ctx.storage.partners();
    this.codes = ctx.storage.codes();
    this.rates = ctx.storage.rates();
    this.tx = ctx.tx;
  }

  /**
   * The overview.
   *
   * @param partnerId the partner
   * @return the overview, or empty
   */
  Optional<PartnerOverview> overview(PartnerId partnerId) {
    required("partnerId", partnerId);
    return tx.execute(() -> partners.findById(partnerId).map(this::overviewOf));
  }

  /**
   * The overview of a customer account's partner.
   *
   * @param customer the customer account
   * @return the overview, or empty
   */
  Optional<PartnerOverview> overviewOfCustomer(CustomerAccountId customer) {
    required("customerAccountId", customer);
    return tx.execute(() -> partners.findByCustomerAccount(customer).map(this::overviewOf));
  }

  private PartnerOverview overviewOf(Partner partner) {
    Instant now = ctx.now();
    List<PartnerOverview.ReferralLink> links = new ArrayList<>();
    for (IssuedCode code : codes.findByPartner(partner.id())) {
      if (code.isLive()) {
        links.add(
            new PartnerOverview.ReferralLink(
                code.code(), terms.referralLinkTemplate().linkFor(code.code()), code.vanity()));
      }
    }
    return new PartnerOverview(
        partner.id(),
        partner.status(),
        partner.enrolledAt(),
        links,
        ratesInForce(partner.id(), now).participating(),
        partner.payoutAccount().map(a -> a.iban().masked()),
        partner.payoutAccount().map(a -> a.holderName()),
        ctx.storage.referralCounts(partner.id()),
        ctx.storage.balanceNetOfPayouts(partner.id(), terms.currency(), now),
        ctx.storage.ledger().recentEntries(partner.id(), PartnerOverview.RECENT_ENTRIES),
        PayoutPeriod.containing(now, terms.zone()).next().month().atDay(1),
        ctx.storage.payouts().recentPayouts(partner.id(), PartnerOverview.RECENT_PAYOUTS).stream()
            .map(
                p ->
                    new PartnerOverview.PayoutSummary(
                        p.payoutId(), p.period(), p.amount(), p.status(), p.ibanMasked()))
            .toList(),
        now);
  }

  private RatesInForce ratesInForce(PartnerId partnerId, Instant at) {
    RateStore.InForce inForce = rates.inForceFor(partnerId, at);
    return RatesInForce.of(partnerId, inForce.programme(), inForce.partner());
  }
}
