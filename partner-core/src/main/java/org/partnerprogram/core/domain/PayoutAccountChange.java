package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a partner's payout-account history: from {@code changedAt} on, payouts go to {@code
 * account}.
 *
 * @param partnerId the partner; never null
 * @param partnerVersion the partner's {@link Partner#version()} after the change
 * @param account the account set; never null
 * @param changedAt when; never null
 */
public record PayoutAccountChange(
    PartnerId partnerId, long partnerVersion, PayoutAccount account, Instant changedAt) {
  /** Checks that no component is null. */
  public PayoutAccountChange {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(changedAt, "changedAt");
  }
}
