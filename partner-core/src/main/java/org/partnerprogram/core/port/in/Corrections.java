package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.Adjustment;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.PartnerErasedException;
import org.partnerprogram.core.domain.WriteOffRefusedException;

/**
 * An operator's corrections of the books: adjustments of a partner's balance and write-offs of what
 * a partner who left owes. Each is booked on the ledger as an entry of its own, payable from when
 * it is booked, shown on the partner's statement with its reason, and published as an {@code
 * adjustment.booked} event. Each is idempotent by its id like a host event. Handed out by {@code
 * PartnerProgram.corrections()}; safe for concurrent use; every method runs in one unit of work and
 * changes nothing when it throws.
 */
public interface Corrections {

  /**
   * Books an adjustment: a bonus or a correction, paid (or netted against later earnings) by the
   * next close like any payable commission.
   *
   * @param command the adjustment; never null
   * @return the adjustment booked (the first one's, on a redelivery); never null
   * @throws InvalidInputException if the command is null, or its order line was not priced for the
   *     partner
   * @throws CurrencyMismatchException if the amount is in another currency than the programme's
   * @throws NotFoundException if the partner does not exist
   * @throws PartnerErasedException if the partner was erased
   * @throws IdempotencyConflictException if the id was used for another adjustment or event
   */
  Adjustment adjust(AdjustCommand command);

  /**
   * Writes off what a partner who left owes: books the negative balance's amount back, so that the
   * balance is zero. Never done silently: the operator's act is recorded with it.
   *
   * @param command the write-off; never null
   * @return the write-off booked (the first one's, on a redelivery); never null
   * @throws InvalidInputException if the command is null
   * @throws NotFoundException if the partner does not exist
   * @throws PartnerErasedException if the partner was erased
   * @throws WriteOffRefusedException if the partner has not left, owes nothing, has commission
   *     pending or held, or a payout on its way
   * @throws IdempotencyConflictException if the id was used for another write-off or event
   */
  Adjustment writeOff(WriteOffCommand command);
}
