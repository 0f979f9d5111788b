package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A host customer account enrolled in the programme: one partner per account, for the life of the
 * account. Immutable: every change returns a new partner with {@link #version()} one higher, which
 * storage adapters use for optimistic concurrency.
 *
 * <p>The lifecycle:
 *
 * <ul>
 *   <li>{@link #enrol enrol}: a new partner, ACTIVE;
 *   <li>{@link #suspend suspend} (ACTIVE to SUSPENDED) and {@link #reinstate reinstate} (back to
 *       ACTIVE): a temporary freeze, for example during a fraud review;
 *   <li>{@link #leave leave} (ACTIVE or SUSPENDED to TERMINATED): the partner left; money already
 *       earned is still paid;
 *   <li>{@link #rejoin rejoin} (TERMINATED to ACTIVE): the customer enrolled again. It is the same
 *       partner: its id, {@link #enrolledAt()}, payout-account history, ledger and balance carry on
 *       untouched (a negative balance stays negative), and {@link #lastAbsence()} records the time
 *       away, during which placed orders earn nothing ({@link #wasAwayAt}).
 *   <li>{@link #erase erase} (TERMINATED to ERASED): the partner's personal data is gone, for good.
 *       Every later change of an erased partner is refused with a {@link PartnerErasedException}.
 * </ul>
 *
 * @param id the programme's id; never null
 * @param customerAccountId the host's customer account; never null; one partner per account
 * @param status the status; never null
 * @param enrolledAt when the partner first enrolled (a rejoin keeps it); never null
 * @param statusChangedAt when the status last changed (the enrolment instant at first, the rejoin
 *     instant after a rejoin); never null
 * @param payoutAccount the bank account on file, or empty if none was given yet; never null
 * @param lastAbsence the latest time away that ended in a rejoin, or empty if the partner never
 *     rejoined; never null
 * @param version 1 at enrolment, one higher after every change
 */
public record Partner(
    PartnerId id,
    CustomerAccountId customerAccountId,
    PartnerStatus status,
    Instant enrolledAt,
    Instant statusChangedAt,
    Optional<PayoutAccount> payoutAccount,
    Optional<Absence> lastAbsence,
    long version) {

  /**
   * A time away from the programme: from leaving until enrolling again, half-open {@code [leftAt,
   * rejoinedAt)}.
   *
   * @param leftAt when the partner left; never null
   * @param rejoinedAt when the customer enrolled again; never null, not before {@code leftAt}
   */
  public record Absence(Instant leftAt, Instant rejoinedAt) {
    /**
     * Checks for nulls and order.
     *
     * @throws NullPointerException if an instant is null
     * @throws IllegalArgumentException if {@code rejoinedAt} is before {@code leftAt}
     */
    public Absence {
      Objects.requireNonNull(leftAt, "leftAt");
      Objects.requireNonNull(rejoinedAt, "rejoinedAt");
      if (rejoinedAt.isBefore(leftAt)) {
        throw new IllegalArgumentException(
            "rejoinedAt " + rejoinedAt + " is before leftAt " + leftAt);
      }
    }

    /**
     * Whether an instant falls in this absence.
     *
     * @param at the instant; never null
     * @return true if {@code leftAt <= at < rejoinedAt}
     */
    public boolean contains(Instant at) {
      return !at.isBefore(leftAt) && at.isBefore(rejoinedAt);
    }
  }

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
    Objects.requireNonNull(lastAbsence, "lastAbsence");
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
    return new Partner(
        id, account, PartnerStatus.ACTIVE, at, at, payoutAccount, Optional.empty(), 1);
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
   * @throws PartnerErasedException if the partner was erased
   */
  public Partner suspend(Instant at) {
    requireNotErased();
    if (status != PartnerStatus.ACTIVE) {
      throw new IllegalTransitionException(
          "partner " + id + " is " + status + "; only an ACTIVE partner can be suspended");
    }
    return withStatus(PartnerStatus.SUSPENDED, at);
  }

  /**
   * Lifts a suspension. A partner who left is not reinstated: the customer enrols again instead
   * ({@link #rejoin}).
   *
   * @param at when
   * @return the active partner
   * @throws IllegalTransitionException unless the partner is SUSPENDED
   * @throws PartnerErasedException if the partner was erased
   */
  public Partner reinstate(Instant at) {
    requireNotErased();
    if (status != PartnerStatus.SUSPENDED) {
      throw new IllegalTransitionException(
          "partner "
              + id
              + " is "
              + status
              + "; only a SUSPENDED partner can be reinstated"
              + (status == PartnerStatus.TERMINATED
                  ? " (a partner who left comes back by enrolling the customer account again)"
                  : ""));
    }
    return withStatus(PartnerStatus.ACTIVE, at);
  }

  /**
   * The customer of a partner who left enrolled again: the same partner, ACTIVE from {@code at} on,
   * with the time away recorded as {@link #lastAbsence()}. Its id, {@link #enrolledAt()} and
   * everything stored under it (history, ledger, balance) carry on.
   *
   * @param at when; if a skewed clock puts it before the partner left, the partner left and
   *     rejoined at the same instant
   * @param account the payout account given with the new enrolment, which replaces the one on file;
   *     empty keeps the one on file; never null
   * @return the active partner
   * @throws IllegalTransitionException unless the partner is TERMINATED
   * @throws PartnerErasedException if the partner was erased
   */
  public Partner rejoin(Instant at, Optional<PayoutAccount> account) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(account, "account");
    requireNotErased();
    if (status != PartnerStatus.TERMINATED) {
      throw new IllegalTransitionException(
          "partner " + id + " is " + status + "; only a partner who left can rejoin");
    }
    Instant rejoinedAt = at.isBefore(statusChangedAt) ? statusChangedAt : at;
    return new Partner(
        id,
        customerAccountId,
        PartnerStatus.ACTIVE,
        enrolledAt,
        rejoinedAt,
        account.isPresent() ? account : payoutAccount,
        Optional.of(new Absence(statusChangedAt, rejoinedAt)),
        version + 1);
  }

  /**
   * Whether the partner was away from the programme at an instant: since leaving (while
   * TERMINATED), or during {@link #lastAbsence()}; an erased partner at every instant, since it
   * earns nothing any more (its books were settled before the erasure, and it has no account to be
   * paid to). Orders placed while away earn nothing.
   *
   * <p>Only the latest absence is kept: after a second rejoin, an order placed during the first
   * absence and reported only then is no longer recognised as placed while away.
   *
   * @param at the instant; never null
   * @return true if the partner was away at {@code at}
   */
  public boolean wasAwayAt(Instant at) {
    if (status == PartnerStatus.ERASED) {
      return true;
    }
    if (status == PartnerStatus.TERMINATED && !at.isBefore(statusChangedAt)) {
      return true;
    }
    return lastAbsence.isPresent() && lastAbsence.get().contains(at);
  }

  /**
   * The partner leaves the programme. Its customer may enrol again later ({@link #rejoin}).
   *
   * @param at when
   * @return the terminated partner
   * @throws IllegalTransitionException if the partner left already
   * @throws PartnerErasedException if the partner was erased
   */
  public Partner leave(Instant at) {
    requireNotErased();
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
   * @throws PartnerErasedException if the partner was erased
   */
  public Partner withPayoutAccount(PayoutAccount account) {
    Objects.requireNonNull(account, "account");
    requireNotErased();
    return new Partner(
        id,
        customerAccountId,
        status,
        enrolledAt,
        statusChangedAt,
        Optional.of(account),
        lastAbsence,
        version + 1);
  }

  /**
   * Whether the partner was erased.
   *
   * @return true when ERASED
   */
  public boolean isErased() {
    return status == PartnerStatus.ERASED;
  }

  /**
   * The partner who left, erased: its customer account id replaced by its keyed pseudonym, its
   * payout account gone, ERASED from {@code at} on. Whether the books still need the partner is the
   * caller's to decide before.
   *
   * @param at when; never null
   * @param pseudonym the pseudonym that replaces the customer account id; never null, a {@linkplain
   *     PseudonymKey#isPseudonym pseudonym}
   * @return the erased partner
   * @throws PartnerErasedException if the partner was erased already
   * @throws IllegalTransitionException unless the partner is TERMINATED (it must leave first)
   * @throws IllegalArgumentException if {@code pseudonym} is no pseudonym
   */
  public Partner erase(Instant at, CustomerAccountId pseudonym) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(pseudonym, "pseudonym");
    requireNotErased();
    if (status != PartnerStatus.TERMINATED) {
      throw new IllegalTransitionException(
          "partner " + id + " is " + status + "; only a partner who left can be erased");
    }
    if (!PseudonymKey.isPseudonym(pseudonym.value())) {
      throw new IllegalArgumentException("the customer account must be replaced by a pseudonym");
    }
    return new Partner(
        id,
        pseudonym,
        PartnerStatus.ERASED,
        enrolledAt,
        at.isBefore(statusChangedAt) ? statusChangedAt : at,
        Optional.empty(),
        lastAbsence,
        version + 1);
  }

  /**
   * This partner, unless it was erased: an erased partner is final, and nothing is booked on it.
   *
   * @return this partner
   * @throws PartnerErasedException if the partner is ERASED
   */
  public Partner requireNotErased() {
    if (status == PartnerStatus.ERASED) {
      throw new PartnerErasedException(id);
    }
    return this;
  }

  private Partner withStatus(PartnerStatus next, Instant at) {
    return new Partner(
        id, customerAccountId, next, enrolledAt, at, payoutAccount, lastAbsence, version + 1);
  }
}
