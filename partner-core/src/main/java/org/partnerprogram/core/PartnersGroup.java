package org.partnerprogram.core;

import java.util.Optional;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.EnrollmentResult;
import org.partnerprogram.core.port.in.Partners;

/**
 * The facade's {@link Partners}: enrolment, the lifecycle, the payout account, the partner page.
 */
final class PartnersGroup implements Partners {
  private final PartnerService service;
  private final OverviewService overviews;

  PartnersGroup(PartnerService service, OverviewService overviews) {
    this.service = service;
    this.overviews = overviews;
  }

  @Override
  public EnrollmentResult enroll(EnrollPartnerCommand command) {
    return service.enroll(command);
  }

  @Override
  public Partner leave(PartnerId partnerId) {
    return service.leave(partnerId);
  }

  @Override
  public Partner leave(PartnerId partnerId, Act act) {
    return service.leave(partnerId, act);
  }

  @Override
  public Partner suspend(PartnerId partnerId, Act act) {
    return service.suspend(partnerId, act);
  }

  @Override
  public Partner reinstate(PartnerId partnerId, Act act) {
    return service.reinstate(partnerId, act);
  }

  @Override
  public Partner updatePayoutAccount(PartnerId partnerId, PayoutAccount account) {
    return service.updatePayoutAccount(partnerId, account);
  }

  @Override
  public Optional<PartnerOverview> overview(PartnerId partnerId) {
    return overviews.overview(partnerId);
  }

  @Override
  public Optional<PartnerOverview> overviewOfCustomer(CustomerAccountId customer) {
    return overviews.overviewOfCustomer(customer);
  }

  @Override
  public Optional<Partner> find(PartnerId partnerId) {
    return service.find(partnerId);
  }
}
