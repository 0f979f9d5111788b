package org.partnerprogram.core;

import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.CustomerErasure;
import org.partnerprogram.core.port.in.Privacy;

/** The facade's {@link Privacy}: retention, erasure and access. */
final class PrivacyGroup implements Privacy {
  private final CustomerErasures customerErasures;

  PrivacyGroup(ServiceContext context) {
    this.customerErasures = new CustomerErasures(context);
  }

  @Override
  public CustomerErasure eraseCustomer(CustomerAccountId customer) {
    return customerErasures.erase(customer);
  }
}
