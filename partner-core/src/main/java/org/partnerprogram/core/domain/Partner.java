package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A host customer account enrolled in the programme. Immutable: every change returns a new partner
 * with {@link #version()} one higher, which storage adapters use for optimistic concurrency.
 *
 * <p>Status transitions: ACTIVE to SUSPENDED and back, ACTIVE or SUSPENDED to TERMINATED; a
 * terminated partner stays terminated.
 *
 * @param id the programme's id; never null
 * @param customerAccountId the host's customer account; never null; one partner per account
 * @param status the status; never null
 * @param enrolledAt when the partner enrolled; never null
 * @param statusChangedAt when the status last changed (the enrolment instant at first); never null
 * @param payoutAccount the bank account on file, or empty if none was given yet; never null
 * @param version 1 at enrolment, one higher after every change
 */
public record Partner(
    PartnerId id,
    CustomerAccountId customerAccountId,
    PartnerStatus status,
    Instant enrolledAt,
    Instant statusChangedAt,
    Optional<PayoutAccount> payoutAccount,
    long version) {

  /**
   * Checks that no component is null and the version is positive.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the version is below 1
   */
  public Partner {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customerAccountId, "customerAccountId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(enrolledAt, "enrolledAt");
    Objects.requireNonNull(statusChangedAt, "statusChangedAt");
    Objects.requireNonNull(payoutAccount, "payoutAccount");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1");
    }
  }

  /**
   * A newly enrolled, active partner.
   *
   * @param id the new id
   * @param account the host's customer account
   * @param at the enrolment instant
   * @param payoutAccount the bank account, if given at enrolment
   * @return the partner, version 1
   */
  public static Partner enrol(
      PartnerId id, CustomerAccountId account, Instant at, Optional<PayoutAccount> payoutAccount) {
    return new Partner(id, account, PartnerStatus.ACTIVE, at, at, payoutAccount, 1);
  }

  /**
   * Whether the partner earns and is paid now.
   *
   * @return true when ACTIVE
   */
  public boolean isActive() {
    return status == PartnerStatus.ACTIVE;
  }

  /**
   * Suspends the partner.
   *
   * @param at when
   * @return the suspended partner
   * @throws IllegalTransitionException unless the partner is ACTIVE
   */
  public Partner suspend(Instant at) {
    if (status != PartnerStatus.ACTIVE) {
      throw new IllegalTransitionException(
          "partner " + id + " is " + status + "; only an ACTIVE partner can be suspended");
    }
    return withStatus(PartnerStatus.SUSPENDED, at);
  }

  /**
   * Lifts a suspension.
   *
   * @param at when
   * @return the active partner
   * @throws IllegalTransitionException unless the partner is SUSPENDED
   */
  public Partner reinstate(Instant at) {
    if (status != PartnerStatus.SUSPENDED) {
      throw new IllegalTransitionException(
          "partner "
              + id
              + " is "
              + status
              + "; only a SUSPENDED partner can be reinstated"
              + (status == PartnerStatus.TERMINATED ? " (a partner who left stays gone)" : ""));
    }
    return withStatus(PartnerStatus.ACTIVE, at);
  }

  /**
   * The partner leaves the programme.
   *
   * @param at when
   * @return the terminated partner
   * @throws IllegalTransitionException if the partner left already
   */
  public Partner leave(Instant at) {
    if (status == PartnerStatus.TERMINATED) {
      throw new IllegalTransitionException("partner " + id + " has already left the programme");
    }
    return withStatus(PartnerStatus.TERMINATED, at);
  }

  /**
   * Replaces the payout account.
   *
   * @param account the new account; never null
   * @return the changed partner (a partner who left may still change it: earned money is still
   *     paid)
   */
  public Partner withPayoutAccount(PayoutAccount account) {
    Objects.requireNonNull(account, "account");
    return new Partner(
        id,
        customerAccountId,
        status,
        enrolledAt,
        statusChangedAt,
        Optional.of(account),
        version + 1);
  }

  private Partner withStatus(PartnerStatus next, Instant at) {
    return new Partner(id, customerAccountId, next, enrolledAt, at, payoutAccount, version + 1);
  }
}
