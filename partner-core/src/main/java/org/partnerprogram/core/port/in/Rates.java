package org.partnerprogram.core.port.in;

import java.util.Optional;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.RateCard;
import org.partnerprogram.core.domain.RateVersion;

/**
 * The programme's rate card and partners' overrides, as effective-dated versions. Handed out by
 * {@code PartnerProgram.rates()}; safe for concurrent use.
 */
public interface Rates {

  /**
   * Makes the next rate version from the one in force and a change: the rates the change sets are
   * changed or added, the targets it removes are taken out, everything else carries over.
   * Commission already priced is never re-priced.
   *
   * @param change the change; never null
   * @return the new version
   * @throws InvalidInputException if the change changes nothing or removes a target not on the card
   * @throws CurrencyMismatchException if a fixed amount is in another currency than the programme's
   * @throws ConflictException if the change would start before now or not after the latest version
   * @throws NotFoundException if the change is for a partner who does not exist
   */
  RateVersion change(RateChange change);

  /**
   * The public rate card: the programme-wide version in force now, each participating product or
   * group with its rate and label, for the page a customer sees before enrolling. Partners'
   * overrides are not on it.
   *
   * @return the card, or empty if no programme-wide version is in force yet
   */
  Optional<RateCard> card();
}
