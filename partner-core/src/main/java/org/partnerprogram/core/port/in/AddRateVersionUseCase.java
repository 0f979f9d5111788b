package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.RateVersion;

/**
 * Adds a version to the programme-wide rate card or to a partner's overrides. Versions are never
 * changed or backdated: a new version starts at or after now and after the scope's latest version.
 */
@FunctionalInterface
public interface AddRateVersionUseCase {

  /**
   * Adds a version to the programme-wide rate card or to a partner's overrides. Versions are never
   * changed or backdated: a new version starts at or after now and after the scope's latest
   * version.
   *
   * @param command the command; never null
   * @return the stored version with its number
   * @throws org.partnerprogram.core.domain.NotFoundException if the override's partner does not
   *     exist
   * @throws org.partnerprogram.core.domain.ConflictException if the version would start before now,
   *     or at or before the start of the scope's latest version
   * @throws org.partnerprogram.core.domain.CurrencyMismatchException if a fixed amount is not in
   *     the programme currency
   */
  RateVersion addRateVersion(AddRateVersionCommand command);
}
