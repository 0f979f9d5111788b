package org.partnerprogram.core;

import org.partnerprogram.core.port.in.Privacy;

/** The facade's {@link Privacy}: retention, erasure and access. */
final class PrivacyGroup implements Privacy {
  PrivacyGroup(ServiceContext context) {}
}
