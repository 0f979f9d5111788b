package org.partnerprogram.core.domain;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the partner page of the host's portal shows: status, referral links with their codes, the
 * participating products with the rates this partner earns now, and the payout account (masked). It
 * never contains data about the customers the partner referred.
 *
 * @param partnerId the partner; never null
 * @param status the status; never null
 * @param enrolledAt when the partner enrolled; never null
 * @param links the live referral links, oldest first; never null
 * @param rates the participating products and groups with their current rates, products first, then
 *     by id; never null
 * @param payoutIbanMasked the payout IBAN with all but the country and last four characters hidden,
 *     or empty if none is on file; never null
 * @param payoutHolderName the account holder's name, or empty if no account is on file; never null
 * @param referrals clicks on the partner's codes and signups attributed or refused (counts only);
 *     never null
 * @param balance pending, held, payable and paid commission; never null
 * @param recentEntries the partner's latest ledger entries, newest first (at most {@value
 *     #RECENT_ENTRIES}); they name orders and products, never customers; never null
 * @param nextPayoutDate the first day after the current month, when its close can pay out; never
 *     null
 * @param recentPayouts the partner's latest payouts, newest first (at most {@value
 *     #RECENT_PAYOUTS}); never null
 * @param asOf the instant the rates were looked up for; never null
 */
public record PartnerOverview(
    PartnerId partnerId,
    PartnerStatus status,
    Instant enrolledAt,
    List<ReferralLink> links,
    List<ProductRate> rates,
    Optional<String> payoutIbanMasked,
    Optional<String> payoutHolderName,
    AttributionCounts referrals,
    Balance balance,
    List<LedgerEntry> recentEntries,
    java.time.LocalDate nextPayoutDate,
    List<PayoutSummary> recentPayouts,
    Instant asOf) {

  /** How many recent payouts the overview shows. */
  public static final int RECENT_PAYOUTS = 6;

  /** How many recent ledger entries the overview shows. */
  public static final int RECENT_ENTRIES = 20;

  /** Checks for nulls and copies the lists. */
  public PartnerOverview {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(enrolledAt, "enrolledAt");
    links = List.copyOf(links);
    rates = List.copyOf(rates);
    Objects.requireNonNull(payoutIbanMasked, "payoutIbanMasked");
    Objects.requireNonNull(payoutHolderName, "payoutHolderName");
    Objects.requireNonNull(referrals, "referrals");
    Objects.requireNonNull(balance, "balance");
    recentEntries = List.copyOf(recentEntries);
    Objects.requireNonNull(nextPayoutDate, "nextPayoutDate");
    recentPayouts = List.copyOf(recentPayouts);
    Objects.requireNonNull(asOf, "asOf");
  }

  /**
   * A referral link shown to its partner.
   *
   * @param code the code; never null
   * @param url the link built from the host's template; never null
   * @param vanity whether the partner chose the code
   */
  public record ReferralLink(ReferralCode code, URI url, boolean vanity) {
    /** Checks for nulls. */
    public ReferralLink {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(url, "url");
    }
  }

  /**
   * A payout as the partner sees it.
   *
   * @param payoutId the payout (the reference on their bank statement); never null
   * @param month the month it pays; never null
   * @param amount the amount; never null
   * @param status the status; never null
   * @param ibanMasked the account it went to, masked; never null
   */
  public record PayoutSummary(
      PayoutId payoutId,
      java.time.YearMonth month,
      Money amount,
      PayoutStatus status,
      String ibanMasked) {
    /** Checks for nulls. */
    public PayoutSummary {
      Objects.requireNonNull(payoutId, "payoutId");
      Objects.requireNonNull(month, "month");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(ibanMasked, "ibanMasked");
    }

    /**
     * Where the payout stands, as the partner page should say it: on its way (created or exported),
     * paid (confirmed), or failed (the money went back to the balance).
     *
     * @return never null
     */
    public PayoutState state() {
      return PayoutState.of(status);
    }
  }
}
