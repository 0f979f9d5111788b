package org.partnerprogram.core.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * One transfer of a partner's payable balance, made by a period close. It keeps a snapshot of the
 * account it was made with, so a later change of the partner's account does not redirect it.
 *
 * @param payoutId the id (also the SEPA end-to-end reference); never null
 * @param partnerId the partner; never null
 * @param period the closed month; never null
 * @param amount the amount, more than zero; never null
 * @param account the payout account at the time of the close; empty only once the partner was
 *     erased (the payout was settled long before: an erasure waits for the bookkeeping retention);
 *     never null
 * @param status the status; never null
 * @param createdAt when the close made it; never null
 * @param statusChangedAt when the status last changed; never null
 * @param failureReason why the bank rejected it, when FAILED; never null
 */
public record Payout(
    PayoutId payoutId,
    PartnerId partnerId,
    YearMonth period,
    Money amount,
    Optional<PayoutAccount> account,
    PayoutStatus status,
    Instant createdAt,
    Instant statusChangedAt,
    Optional<String> failureReason) {

  /** What a statement or an overview shows for the account of an erased partner's payout. */
  public static final String ERASED_ACCOUNT = "(erased)";

  /** Checks for nulls. */
  public Payout {
    Objects.requireNonNull(payoutId, "payoutId");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(statusChangedAt, "statusChangedAt");
    Objects.requireNonNull(failureReason, "failureReason");
  }

  /**
   * This payout without its account, as an erased partner's payouts are kept.
   *
   * @return the payout with an empty {@link #account()}, all else equal
   */
  public Payout withoutAccount() {
    return new Payout(
        payoutId,
        partnerId,
        period,
        amount,
        Optional.empty(),
        status,
        createdAt,
        statusChangedAt,
        failureReason);
  }

  /**
   * The account to transfer to: a payout being exported or settled always has one.
   *
   * @return the account
   * @throws IllegalStateException if the partner was erased (its payouts were all settled then)
   */
  public PayoutAccount transferAccount() {
    return account.orElseThrow(
        () ->
            new IllegalStateException(
                "payout " + payoutId + " has no account: its partner was erased"));
  }

  /**
   * The account's IBAN, masked, as statements and overviews show it.
   *
   * @return the masked IBAN, or {@value #ERASED_ACCOUNT} once the partner was erased
   */
  public String ibanMasked() {
    return account.map(a -> a.iban().masked()).orElse(ERASED_ACCOUNT);
  }

  /**
   * The account holder's name, as statements show it.
   *
   * @return the name, or {@value #ERASED_ACCOUNT} once the partner was erased
   */
  public String holderName() {
    return account.map(PayoutAccount::holderName).orElse(ERASED_ACCOUNT);
  }

  /**
   * This payout written to a bank file.
   *
   * @param at when
   * @return the exported payout (unchanged if it was exported already)
   * @throws IllegalTransitionException if it is PAID or FAILED
   */
  public Payout exported(Instant at) {
    if (status == PayoutStatus.EXPORTED) {
      return this;
    }
    require(PayoutStatus.CREATED, "exported");
    return with(PayoutStatus.EXPORTED, at, Optional.empty());
  }

  /**
   * This payout paid by the bank.
   *
   * @param at when
   * @return the paid payout
   * @throws IllegalTransitionException unless it is CREATED or EXPORTED
   */
  public Payout paid(Instant at) {
    if (status != PayoutStatus.CREATED && status != PayoutStatus.EXPORTED) {
      throw new IllegalTransitionException(
          "payout " + payoutId + " is " + status + " and cannot be marked paid");
    }
    return with(PayoutStatus.PAID, at, Optional.empty());
  }

  /**
   * This payout rejected by the bank.
   *
   * @param at when
   * @param reason the bank's reason, 1 to 200 characters
   * @return the failed payout
   * @throws IllegalTransitionException unless it is CREATED or EXPORTED
   */
  public Payout failed(Instant at, String reason) {
    if (status != PayoutStatus.CREATED && status != PayoutStatus.EXPORTED) {
      throw new IllegalTransitionException(
          "payout " + payoutId + " is " + status + " and cannot be marked failed");
    }
    return with(PayoutStatus.FAILED, at, Optional.of(Text.freeText("reason", reason, 200)));
  }

  private void require(PayoutStatus expected, String action) {
    if (status != expected) {
      throw new IllegalTransitionException(
          "payout " + payoutId + " is " + status + " and cannot be " + action);
    }
  }

  private Payout with(PayoutStatus next, Instant at, Optional<String> reason) {
    return new Payout(payoutId, partnerId, period, amount, account, next, createdAt, at, reason);
  }
}
