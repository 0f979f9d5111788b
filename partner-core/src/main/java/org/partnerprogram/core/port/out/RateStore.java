package org.partnerprogram.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.RateVersion;

/**
 * Storage of rate versions. A scope is the programme-wide card ({@code Optional.empty()}) or one
 * partner's overrides. Within a scope, versions are numbered from 1 and their {@code effectiveFrom}
 * instants strictly increase with the number; an adapter enforces unique (scope, number) and unique
 * (scope, effectiveFrom) in storage.
 */
public interface RateStore {

  /**
   * Stores a new version unless its scope has that number or that effective instant already.
   *
   * @param version the version; never null
   * @return true if stored; false, writing nothing, if the scope already has a version with the
   *     same number or the same {@code effectiveFrom} (also when stored concurrently)
   */
  boolean insert(RateVersion version);

  /**
   * The newest version of a scope (highest number).
   *
   * @param scope empty for the programme-wide card, or a partner; never null
   * @return the version, or empty if the scope has none
   */
  Optional<RateVersion> latest(Optional<PartnerId> scope);

  /**
   * The version in force at an instant: the one with the latest {@code effectiveFrom} at or before
   * it.
   *
   * @param scope empty for the programme-wide card, or a partner; never null
   * @param at the instant; never null
   * @return the version, or empty if none had started by then
   */
  Optional<RateVersion> inForceAt(Optional<PartnerId> scope, Instant at);

  /**
   * The programme-wide version and a partner's version in force at an instant, as pricing and the
   * partner overview need them together: the same as {@link #inForceAt} for each scope. The default
   * asks {@link #inForceAt} twice; an adapter that can answer both in one round trip may override
   * it, with the same result.
   *
   * @param partnerId the partner whose overrides are read with the programme-wide card; never null
   * @param at the instant; never null
   * @return the two versions, each empty if none of its scope had started by then
   */
  default InForce inForceFor(PartnerId partnerId, Instant at) {
    return new InForce(inForceAt(Optional.empty(), at), inForceAt(Optional.of(partnerId), at));
  }

  /**
   * All versions of a scope.
   *
   * @param scope empty for the programme-wide card, or a partner; never null
   * @return the versions ordered by number; empty if none
   */
  List<RateVersion> versions(Optional<PartnerId> scope);

  /**
   * Stores the labels of a stored version's targets (what a rate card shows for a product or
   * group), in the same unit of work as {@link #insert}. Each target must be in the version's
   * rates.
   *
   * @param scope empty for the programme-wide card, or a partner; never null
   * @param versionNumber the version, stored already
   * @param labels the label per target; never null, may be empty (nothing is written)
   */
  void insertLabels(Optional<PartnerId> scope, int versionNumber, Map<RateTarget, String> labels);

  /**
   * The labels of a version's targets, exactly as {@link #insertLabels} stored them.
   *
   * @param scope empty for the programme-wide card, or a partner; never null
   * @param versionNumber the version
   * @return the label per target; empty if the version has none or does not exist
   */
  Map<RateTarget, String> labels(Optional<PartnerId> scope, int versionNumber);

  /**
   * The versions in force at one instant for one partner ({@link #inForceFor}).
   *
   * @param programme the programme-wide version in force, or empty
   * @param partner the partner's override version in force, or empty
   */
  record InForce(Optional<RateVersion> programme, Optional<RateVersion> partner) {
    /**
     * Checks the parts.
     *
     * @throws NullPointerException if a part is null
     */
    public InForce {
      Objects.requireNonNull(programme, "programme");
      Objects.requireNonNull(partner, "partner");
    }
  }
}
