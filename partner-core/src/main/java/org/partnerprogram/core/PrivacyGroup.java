package org.partnerprogram.core;

import java.io.OutputStream;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.port.in.PartnerExport;
import org.partnerprogram.core.port.in.PartnerExportOptions;
import org.partnerprogram.core.port.in.Privacy;

/** The facade's {@link Privacy}: retention, erasure and access. */
final class PrivacyGroup implements Privacy {
  private final PartnerExportService export;

  PrivacyGroup(ServiceContext context) {
    this.export = new PartnerExportService(context);
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
