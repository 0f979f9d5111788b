package org.partnerprogram.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.partnerprogram.core.domain.PartnerId;
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
   * All versions of a scope.
   *
   * @param scope empty for the programme-wide card, or a partner; never null
   * @return the versions ordered by number; empty if none
   */
  List<RateVersion> versions(Optional<PartnerId> scope);
}
