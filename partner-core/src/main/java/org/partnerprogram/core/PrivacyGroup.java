package org.partnerprogram.core;

import org.partnerprogram.core.port.in.Privacy;
import org.partnerprogram.core.port.in.RetentionRun;

/** The facade's {@link Privacy}: retention, erasure and access. */
final class PrivacyGroup implements Privacy {
  private final RetentionService retention;

  PrivacyGroup(ServiceContext context) {
    this.retention = new RetentionService(context);
  }

  @Override
  public RetentionRun applyRetention() {
    return retention.apply(RETENTION_BATCH);
  }
}
