package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;

/**
 * An operator forgives what a partner who left still owes (a negative balance after a refund of
 * commission that was paid out), so that the partner's books close.
 *
 * @param writeOffId the host's id for the write-off (idempotency key); never null
 * @param partnerId the partner; never null
 * @param act who writes it off and why; never null
 */
public record WriteOffCommand(EventId writeOffId, PartnerId partnerId, Act act) {
  /**
   * Checks for nulls.
   *
   * @throws InvalidInputException if a component is null
   */
  public WriteOffCommand {
    if (writeOffId == null || partnerId == null || act == null) {
      throw new InvalidInputException("writeOff", "writeOffId, partnerId and act must not be null");
    }
  }

  /**
   * A write-off.
   *
   * @param writeOffId the host's id for it
   * @param partnerId the partner; never null
   * @param act who and why; never null
   * @return the command
   * @throws InvalidInputException if an argument is null or malformed
   */
  public static WriteOffCommand of(String writeOffId, PartnerId partnerId, Act act) {
    return new WriteOffCommand(EventId.of(writeOffId), partnerId, act);
  }
}
