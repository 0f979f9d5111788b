package org.partnerprogram.core;

import java.util.Optional;
import org.partnerprogram.core.domain.AttributionExplanation;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Reattribution;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.ReattributeCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.Referrals;
import org.partnerprogram.core.port.in.SignupAttribution;
import org.partnerprogram.core.port.in.TouchResult;

/** The facade's {@link Referrals}: clicks, signups and referral codes. */
final class ReferralsGroup implements Referrals {
  private final ReferralCodeService codes;
  private final AttributionService attribution;

  ReferralsGroup(ReferralCodeService codes, AttributionService attribution) {
    this.codes = codes;
    this.attribution = attribution;
  }

  @Override
  public TouchResult recordTouch(RecordTouchCommand command) {
    return attribution.recordTouch(command);
  }

  @Override
  public SignupAttribution attributeSignup(AttributeSignupCommand command) {
    return attribution.attribute(command);
  }

  @Override
  public IssuedCode issueCode(PartnerId partnerId) {
    return codes.issueCode(partnerId);
  }

  @Override
  public IssuedCode issueVanityCode(PartnerId partnerId, String code) {
    return codes.issueVanityCode(partnerId, code);
  }

  @Override
  public IssuedCode revokeCode(String code) {
    return codes.revokeCode(code);
  }

  @Override
  public Optional<AttributionExplanation> explain(CustomerAccountId customer) {
    return attribution.explain(customer);
  }

  @Override
  public Reattribution reattribute(ReattributeCommand command) {
    return attribution.reattribute(command);
  }
}
