package org.partnerprogram.testkit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.PayoutAccount;

/**
 * Partners as a {@code PartnerStore} holds them, for tests, named part by part instead of by the
 * record's eight positions:
 *
 * <pre>{@code
 * StoredPartners partners = StoredPartners.enrolledAt(T0);
 * Partner p = partners.partner("p-2").customer("cust-2").status(PartnerStatus.SUSPENDED).version(3).build();
 * }</pre>
 *
 * <p>What a test leaves out has a default: customer {@code cust-<id>}, ACTIVE, status changed when
 * enrolled, no payout account, no absence, version 1. Instances are immutable and may be shared.
 */
public final class StoredPartners {
  private final Instant enrolledAt;

  private StoredPartners(Instant enrolledAt) {
    this.enrolledAt = Objects.requireNonNull(enrolledAt, "enrolledAt");
  }

  /**
   * Partners enrolled at the given instant unless a test says otherwise.
   *
   * @param at the instant; not null
   * @return the factory
   */
  public static StoredPartners enrolledAt(Instant at) {
    return new StoredPartners(at);
  }

  /**
   * A partner with the given id.
   *
   * @param id the partner's id, as {@link PartnerId#of} takes it
   * @return a builder with the defaults above
   */
  public Builder partner(String id) {
    return new Builder(PartnerId.of(id), enrolledAt);
  }

  /** One partner being described; {@link #build()} makes it. Not thread-safe. */
  public static final class Builder {
    private final PartnerId id;
    private CustomerAccountId customer;
    private PartnerStatus status = PartnerStatus.ACTIVE;
    private Instant enrolledAt;
    private Instant statusChangedAt;
    private PayoutAccount payoutAccount;
    private Partner.Absence lastAbsence;
    private long version = 1;

    private Builder(PartnerId id, Instant enrolledAt) {
      this.id = id;
      this.enrolledAt = enrolledAt;
    }

    /**
     * The customer account the partner enrolled with; {@code cust-<id>} by default.
     *
     * @param account the account's id, as {@link CustomerAccountId#of} takes it
     * @return this builder
     */
    public Builder customer(String account) {
      this.customer = CustomerAccountId.of(account);
      return this;
    }

    /**
     * The partner's status; ACTIVE by default.
     *
     * @param status the status; not null
     * @return this builder
     */
    public Builder status(PartnerStatus status) {
      this.status = Objects.requireNonNull(status, "status");
      return this;
    }

    /**
     * When the partner enrolled; by default the instant of the {@link StoredPartners} it came from.
     *
     * @param at the instant; not null
     * @return this builder
     */
    public Builder enrolledAt(Instant at) {
      this.enrolledAt = Objects.requireNonNull(at, "at");
      return this;
    }

    /**
     * When the status last changed; when the partner enrolled by default.
     *
     * @param at the instant; not null
     * @return this builder
     */
    public Builder statusChangedAt(Instant at) {
      this.statusChangedAt = Objects.requireNonNull(at, "at");
      return this;
    }

    /**
     * The account payouts go to; none by default.
     *
     * @param account the account; not null
     * @return this builder
     */
    public Builder payoutAccount(PayoutAccount account) {
      this.payoutAccount = Objects.requireNonNull(account, "account");
      return this;
    }

    /**
     * The partner's last time away from the programme; none by default.
     *
     * @param leftAt when the partner left
     * @param rejoinedAt when the partner enrolled again
     * @return this builder
     */
    public Builder lastAbsence(Instant leftAt, Instant rejoinedAt) {
      this.lastAbsence = new Partner.Absence(leftAt, rejoinedAt);
      return this;
    }

    /**
     * The optimistic-locking version; 1 by default.
     *
     * @param version the version
     * @return this builder
     */
    public Builder version(long version) {
      this.version = version;
      return this;
    }

    /**
     * The partner.
     *
     * @return a new partner
     */
    public Partner build() {
      return new Partner(
          id,
          customer != null ? customer : CustomerAccountId.of("cust-" + id.value()),
          status,
          enrolledAt,
          statusChangedAt != null ? statusChangedAt : enrolledAt,
          Optional.ofNullable(payoutAccount),
          Optional.ofNullable(lastAbsence),
          version);
    }
  }
}
