package org.partnerprogram.core.port.in;

import java.util.Optional;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.Adjustment;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;

/**
 * An operator adjusts a partner's balance: a bonus (positive) or a correction (negative), booked on
 * the ledger and paid, or netted, by the next close.
 *
 * <pre>{@code
 * program.corrections().adjust(
 *     AdjustCommand.of("adj-2026-11-17", partnerId, Money.of("25.00", "EUR"),
 *             Act.by("alice@host.example", "bonus for the webinar"))
 *         .refersTo("order-4711", 1));
 * }</pre>
 *
 * @param adjustmentId the host's id for the adjustment (idempotency key, like a host event's id: a
 *     redelivery returns the first result, the same id with another adjustment is refused); never
 *     null
 * @param partnerId the partner; never null
 * @param amount the signed amount in the programme's currency, not zero; never null
 * @param refersTo the order line it corrects, if any; never null
 * @param act who books it and why (the reason is shown on the partner's statement); never null
 */
public record AdjustCommand(
    EventId adjustmentId,
    PartnerId partnerId,
    Money amount,
    Optional<Adjustment.OrderLineRef> refersTo,
    Act act) {

  /**
   * Checks for nulls and a non-zero amount.
   *
   * @throws InvalidInputException if a component is null or the amount is zero
   */
  public AdjustCommand {
    if (adjustmentId == null
        || partnerId == null
        || amount == null
        || refersTo == null
        || act == null) {
      throw new InvalidInputException(
          "adjustment", "adjustmentId, partnerId, amount, refersTo and act must not be null");
    }
    if (amount.isZero()) {
      throw new InvalidInputException("amount", "an adjustment must not be zero");
    }
  }

  /**
   * An adjustment that refers to no order line.
   *
   * @param adjustmentId the host's id for it
   * @param partnerId the partner; never null
   * @param amount the signed amount; never null
   * @param act who and why; never null
   * @return the command
   * @throws InvalidInputException if an argument is null, malformed or the amount zero
   */
  public static AdjustCommand of(String adjustmentId, PartnerId partnerId, Money amount, Act act) {
    return new AdjustCommand(EventId.of(adjustmentId), partnerId, amount, Optional.empty(), act);
  }

  /**
   * The same adjustment, referring to an order line it corrects. The line must have been priced for
   * the partner.
   *
   * @param orderId the order's id
   * @param lineNumber the line, at least 1
   * @return the command with the reference
   * @throws InvalidInputException if the id is malformed or the line number below 1
   */
  public AdjustCommand refersTo(String orderId, int lineNumber) {
    return new AdjustCommand(
        adjustmentId,
        partnerId,
        amount,
        Optional.of(new Adjustment.OrderLineRef(OrderId.of(orderId), lineNumber)),
        act);
  }
}
