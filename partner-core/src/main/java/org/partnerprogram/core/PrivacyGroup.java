package org.partnerprogram.core;

import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.CustomerErasure;
import org.partnerprogram.core.port.in.Privacy;
import org.partnerprogram.core.port.in.RetentionRun;

/** The facade's {@link Privacy}: retention, erasure and access. */
final class PrivacyGroup implements Privacy {
  private final RetentionService retention;
  private final CustomerErasures customerErasures;

  PrivacyGroup(ServiceContext context) {
    this.retention = new RetentionService(context);
    this.customerErasures = new CustomerErasures(context);
  }

  @Override
  public RetentionRun applyRetention() {
    return retention.apply(RETENTION_BATCH);
  }

  @Override
  public CustomerErasure eraseCustomer(CustomerAccountId customer) {
    return customerErasures.erase(customer);
  }
}
