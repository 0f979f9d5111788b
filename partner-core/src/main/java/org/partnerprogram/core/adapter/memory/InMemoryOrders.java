package org.partnerprogram.core.adapter.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.RecordedOrder;
import org.partnerprogram.core.port.out.OrderStore;

/** Orders, their payment and refunds, in memory. */
final class InMemoryOrders implements OrderStore {
  private final MemoryUnits units;
  private final Map<OrderId, RecordedOrder> orderById = new HashMap<>();
  private final Map<OrderId, Instant> paidOrders = new HashMap<>();
  private final List<Refund> refunds = new ArrayList<>();

  private record Refund(OrderId orderId, int lineNumber, EventId eventId, Money net) {}

  InMemoryOrders(MemoryUnits units) {
    this.units = units;
  }

  @Override
  public boolean insert(RecordedOrder order) {
    units.unit();
    if (orderById.containsKey(order.order().orderId())) {
      return false;
    }
    units.put(orderById, order.order().orderId(), order);
    return true;
  }

  @Override
  public Optional<RecordedOrder> find(OrderId orderId) {
    units.unit();
    return Optional.ofNullable(orderById.get(orderId));
  }

  @Override
  public long countByCustomer(CustomerAccountId customer) {
    units.unit();
    return orderById.values().stream().filter(o -> o.order().customer().equals(customer)).count();
  }

  @Override
  public boolean markPaid(OrderId orderId, Instant paidAt) {
    units.unit();
    if (!orderById.containsKey(orderId) || paidOrders.containsKey(orderId)) {
      return false;
    }
    units.put(paidOrders, orderId, paidAt);
    return true;
  }

  @Override
  public Optional<Instant> paidAt(OrderId orderId) {
    units.unit();
    return Optional.ofNullable(paidOrders.get(orderId));
  }

  @Override
  public void addRefund(OrderId orderId, int lineNumber, EventId eventId, Money net) {
    units.unit();
    for (Refund r : refunds) {
      if (r.orderId().equals(orderId)
          && r.lineNumber() == lineNumber
          && r.eventId().equals(eventId)) {
        throw new ConflictException(
            "event "
                + eventId
                + " refunded line "
                + lineNumber
                + " of order "
                + orderId
                + " before");
      }
    }
    units.append(refunds, new Refund(orderId, lineNumber, eventId, net));
  }

  @Override
  public Map<Integer, Money> refundedByLine(OrderId orderId) {
    units.unit();
    Map<Integer, Money> result = new TreeMap<>();
    for (Refund r : refunds) {
      if (r.orderId().equals(orderId)) {
        result.merge(r.lineNumber(), r.net(), Money::plus);
      }
    }
    return result;
  }

  @Override
  public int replaceCustomer(CustomerAccountId customer, CustomerAccountId replacement) {
    units.unit();
    int changed = 0;
    for (RecordedOrder order : List.copyOf(orderById.values())) {
      if (order.order().customer().equals(customer)) {
        units.put(orderById, order.order().orderId(), order.withCustomer(replacement));
        changed++;
      }
    }
    return changed;
  }

  /** The orders by id, live: the report store reads them. */
  Map<OrderId, RecordedOrder> orderById() {
    return orderById;
  }

  /** The payment instants by order, live: the report store reads them. */
  Map<OrderId, Instant> paidOrders() {
    return paidOrders;
  }
}
