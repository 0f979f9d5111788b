package org.partnerprogram.core;

import java.io.OutputStream;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.CustomerErasure;
import org.partnerprogram.core.domain.PartnerErasure;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.port.in.PartnerExport;
import org.partnerprogram.core.port.in.PartnerExportOptions;
import org.partnerprogram.core.port.in.Privacy;
import org.partnerprogram.core.port.in.RetentionRun;

/** The facade's {@link Privacy}: retention, erasure and access. */
final class PrivacyGroup implements Privacy {
  private final RetentionService retention;
  private final CustomerErasures customerErasures;
  private final PartnerExportService export;
  private final PartnerErasures partnerErasures;

  PrivacyGroup(ServiceContext context) {
    this.retention = new RetentionService(context);
    this.customerErasures = new CustomerErasures(context);
    this.export = new PartnerExportService(context);
    this.partnerErasures = new PartnerErasures(context);
  }

  @Override
  public RetentionRun applyRetention() {
    return retention.apply(RETENTION_BATCH);
  }

  @Override
  public CustomerErasure eraseCustomer(CustomerAccountId customer) {
    return customerErasures.erase(customer);
  }

  @Override
  public PartnerErasure erasePartner(PartnerId partnerId) {
    return partnerErasures.erase(partnerId);
  }

  @Override
  public PartnerExport exportPartner(
      PartnerId partnerId, OutputStream out, PartnerExportOptions options) {
    return export.export(partnerId, out, options);
  }

  @Override
  public PartnerExport exportPartner(PartnerId partnerId, OutputStream out) {
    return export.export(partnerId, out, PartnerExportOptions.defaults());
  }
}
