package org.partnerprogram.core.port.in;

import java.util.Optional;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PayoutAccount;

/**
 * The programme's partners: enrolment, the partner's lifecycle, the payout account on file and the
 * partner page. Handed out by {@code PartnerProgram.partners()}; safe for concurrent use. Every
 * method runs in one unit of work of the storage and changes nothing when it throws.
 */
public interface Partners {

  /**
   * Enrols a host customer account: a new partner, the same partner again if the account was
   * enrolled already (nothing written), or a partner who left, brought back with a fresh code.
   *
   * @param command the enrolment; never null
   * @return what happened, with the partner and the code issued; never null
   * @throws org.partnerprogram.core.domain.NonSepaIbanException if the payout account is outside
   *     SEPA and the programme pays by SEPA
   */
  EnrollmentResult enroll(EnrollPartnerCommand command);

  /**
   * A partner leaves the programme by its own decision: earned money is still paid; orders placed
   * from now on earn nothing. The customer may enrol again later. Not audited (no operator acts);
   * an operator's removal is {@link #leave(PartnerId, Act)}.
   *
   * @param partnerId the partner; never null
   * @return the partner, TERMINATED
   * @throws NotFoundException if there is no such partner
   * @throws IllegalTransitionException if the partner left already
   */
  Partner leave(PartnerId partnerId);

  /**
   * An operator takes a partner out of the programme (for example after a fraud review), with the
   * same effect as {@link #leave(PartnerId)}: earned money is still paid, the customer may enrol
   * again. Recorded in the audit trail ({@code PARTNER_REMOVED}).
   *
   * @param partnerId the partner; never null
   * @param act who does it and why; never null
   * @return the partner, TERMINATED
   * @throws InvalidInputException if an argument is null
   * @throws NotFoundException if there is no such partner
   * @throws IllegalTransitionException if the partner left already
   */
  Partner leave(PartnerId partnerId, Act act);

  /**
   * Suspends a partner (for example during a fraud review): the partner earns on, but payouts wait
   * until the partner is reinstated. Recorded in the audit trail ({@code PARTNER_SUSPENDED}); the
   * act's reason goes into the event too.
   *
   * @param partnerId the partner; never null
   * @param act who suspends and why; never null
   * @return the partner, SUSPENDED
   * @throws InvalidInputException if an argument is null
   * @throws NotFoundException if there is no such partner
   * @throws IllegalTransitionException unless the partner is ACTIVE
   */
  Partner suspend(PartnerId partnerId, Act act);

  /**
   * Lifts a suspension. A partner who left comes back by enrolling again instead. Recorded in the
   * audit trail ({@code PARTNER_REINSTATED}).
   *
   * @param partnerId the partner; never null
   * @param act who reinstates and why; never null
   * @return the partner, ACTIVE
   * @throws InvalidInputException if an argument is null
   * @throws NotFoundException if there is no such partner
   * @throws IllegalTransitionException unless the partner is SUSPENDED
   */
  Partner reinstate(PartnerId partnerId, Act act);

  /**
   * Sets or changes the bank account payouts go to; call it whenever the customer changes their
   * bank details in the host. A payout uses the account on file when the month is closed.
   *
   * @param partnerId the partner; never null
   * @param account the account; never null
   * @return the partner with the account (unchanged, and nothing written, if it is the same)
   * @throws NotFoundException if there is no such partner
   * @throws org.partnerprogram.core.domain.NonSepaIbanException if the account is outside SEPA and
   *     the programme pays by SEPA
   */
  Partner updatePayoutAccount(PartnerId partnerId, PayoutAccount account);

  /**
   * The partner page: status, links, rates, balance, recent commission and payouts.
   *
   * @param partnerId the partner; never null
   * @return the overview, or empty if there is no such partner
   */
  Optional<PartnerOverview> overview(PartnerId partnerId);

  /**
   * The partner page of a host customer account.
   *
   * @param customer the customer account; never null
   * @return the overview, or empty if the account never enrolled
   */
  Optional<PartnerOverview> overviewOfCustomer(CustomerAccountId customer);

  /**
   * A partner as stored.
   *
   * @param partnerId the partner; never null
   * @return the partner, or empty if there is no such partner
   */
  Optional<Partner> find(PartnerId partnerId);
}
