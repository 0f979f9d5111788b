package org.partnerprogram.core.port.out;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.RecordedOrder;

/** Storage of the orders the host reported, their payment and the net amounts refunded per line. */
public interface OrderStore {

  /**
   * Stores an order with its lines unless an order with its id exists.
   *
   * @param order the order as recorded; never null
   * @return true if stored; false, writing nothing, if the order id exists (also concurrently)
   */
  boolean insert(RecordedOrder order);

  /**
   * Looks an order up.
   *
   * @param orderId the order; never null
   * @return the recorded order with its lines in line-number order, or empty if never recorded
   */
  Optional<RecordedOrder> find(OrderId orderId);

  /**
   * An order with the net amounts refunded on its lines, as {@link #find} and {@link
   * #refundedByLine} return them.
   *
   * @param recorded the recorded order; never null
   * @param refundedByLine line number to refunded net, lines without refunds absent, in line-number
   *     order; never null (copied, unmodifiable)
   */
  record OrderWithRefunds(RecordedOrder recorded, Map<Integer, Money> refundedByLine) {
    /**
     * Checks for nulls and copies the refunds.
     *
     * @throws NullPointerException if an argument is null
     */
    public OrderWithRefunds {
      Objects.requireNonNull(recorded, "recorded");
      refundedByLine =
          Collections.unmodifiableMap(
              new TreeMap<>(Objects.requireNonNull(refundedByLine, "refundedByLine")));
    }
  }

  /**
   * Looks an order up together with its refunds: the same as {@link #find} followed by {@link
   * #refundedByLine}, which is what the default does. An adapter that can read both at once (one
   * query) should, as recording a payment calls this once per payment.
   *
   * @param orderId the order; never null
   * @return the order with its lines in line-number order and the net refunded per line, or empty
   *     if the order was never recorded
   */
  default Optional<OrderWithRefunds> findWithRefunds(OrderId orderId) {
    return find(orderId).map(recorded -> new OrderWithRefunds(recorded, refundedByLine(orderId)));
  }

  /**
   * How many orders of a customer were recorded.
   *
   * @param customer the customer; never null
   * @return the count, zero if none
   */
  long countByCustomer(CustomerAccountId customer);

  /**
   * Marks an order paid, once.
   *
   * @param orderId the order; never null
   * @param paidAt when it was paid; never null
   * @return true if the order was unpaid and is now paid; false, writing nothing, if it was paid
   *     already (also concurrently) or does not exist
   */
  boolean markPaid(OrderId orderId, Instant paidAt);

  /**
   * When an order was paid.
   *
   * @param orderId the order; never null
   * @return the payment instant, or empty if unpaid or unknown
   */
  Optional<Instant> paidAt(OrderId orderId);

  /**
   * Records the net amount refunded on one line by one event.
   *
   * @param orderId the order; never null
   * @param lineNumber the line
   * @param eventId the refund event; never null
   * @param net the refunded net amount, more than zero; never null
   * @throws org.partnerprogram.core.domain.ConflictException if a refund of the same event on the
   *     same line was recorded before (one event refunds a line at most once)
   */
  void addRefund(OrderId orderId, int lineNumber, EventId eventId, Money net);

  /**
   * The net amounts refunded so far, per line.
   *
   * @param orderId the order; never null
   * @return line number to refunded net; lines without refunds are absent; never null
   */
  Map<Integer, Money> refundedByLine(OrderId orderId);

  /**
   * Replaces a customer's account id in all their orders by another id (their pseudonym, when the
   * customer is erased); order ids, lines, amounts, payment and refunds are unchanged.
   *
   * @param customer the account id to replace; never null
   * @param replacement the id that takes its place; never null
   * @return how many orders changed, zero if the customer has none
   */
  int replaceCustomer(CustomerAccountId customer, CustomerAccountId replacement);
}
