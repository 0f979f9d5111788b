package org.partnerprogram.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generates {@link Order}s of one customer over a catalogue. By default the catalogue is {@link
 * ProgramFixture}'s rate card (products {@code shared-hosting-product}, {@code vps-product} and
 * {@code domain-product} in groups of the same names), orders are placed in the 30 days after
 * {@link ProgramFixture#START}, have 1 to 5 lines and nets of EUR 0.00 to 1,000.00. {@link
 * #over(RateTable)} takes a generated table's products and period instead. Obtain it from {@link
 * Gens#orders()} and configure it by chaining: {@code Gens.orders().over(table).lines(1, 5)}.
 *
 * <p>Shrinks towards one line of the first product, the smallest amount and the earliest instant;
 * counterexamples print as {@link #describe(Order)}.
 */
public final class OrderGen implements Gen<Order> {
  /** One product of the catalogue, with its group if it has one. */
  private record Product(ProductId id, Optional<ProductGroupId> group) {}

  private final List<Product> catalogue;
  private final Instant from;
  private final Duration span;
  private final int minLines;
  private final int maxLines;
  private final MoneyGen nets;
  private final CustomerAccountId customer;

  private OrderGen(
      List<Product> catalogue,
      Instant from,
      Duration span,
      int minLines,
      int maxLines,
      MoneyGen nets,
      CustomerAccountId customer) {
    if (minLines < 1 || maxLines < minLines || maxLines > Order.MAX_LINES) {
      throw new IllegalArgumentException("lines: 1 <= min <= max <= " + Order.MAX_LINES);
    }
    if (nets.currency().getDefaultFractionDigits() < 0) {
      throw new IllegalArgumentException("nets need a currency with a scale");
    }
    this.catalogue = List.copyOf(catalogue);
    this.from = from;
    this.span = span;
    this.minLines = minLines;
    this.maxLines = maxLines;
    this.nets = nets;
    this.customer = customer;
  }

  static OrderGen defaults() {
    List<Product> card = new ArrayList<>();
    for (String group : List.of("shared-hosting", "vps", "domain")) {
      card.add(
          new Product(ProductId.of(group + "-product"), Optional.of(ProductGroupId.of(group))));
    }
    return new OrderGen(
        card,
        ProgramFixture.START,
        Duration.ofDays(30),
        1,
        5,
        Gens.money().in("EUR").between("0.00", "1000.00"),
        CustomerAccountId.of("customer"));
  }

  /**
   * Orders over a rate table: lines of its products (without groups), placed between its start and
   * 30 days after its last change.
   *
   * @param table the table; never null
   * @return a new generator
   */
  public OrderGen over(RateTable table) {
    List<Product> products =
        table.products().stream().map(p -> new Product(p, Optional.empty())).toList();
    return new OrderGen(
        products,
        table.start(),
        Duration.between(table.start(), table.lastChange()).plusDays(30),
        minLines,
        maxLines,
        nets,
        customer);
  }

  /**
   * How many lines an order has.
   *
   * @param min at least 1
   * @param max at least {@code min}, at most {@link Order#MAX_LINES}
   * @return a new generator
   * @throws IllegalArgumentException if out of range
   */
  public OrderGen lines(int min, int max) {
    return new OrderGen(catalogue, from, span, min, max, nets, customer);
  }

  /**
   * The net amounts of the lines.
   *
   * @param netAmounts such as {@code Gens.money().in("EUR").between("0.01", "99.99")}; its bounds
   *     must not be negative
   * @return a new generator
   */
  public OrderGen nets(MoneyGen netAmounts) {
    return new OrderGen(catalogue, from, span, minLines, maxLines, netAmounts, customer);
  }

  /**
   * The ordering customer (by default {@code "customer"}).
   *
   * @param customerAccountId the host's account id; never null
   * @return a new generator
   */
  public OrderGen by(String customerAccountId) {
    return new OrderGen(
        catalogue, from, span, minLines, maxLines, nets, CustomerAccountId.of(customerAccountId));
  }

  /**
   * When orders are placed: in {@code [first, first + span]}, to the second.
   *
   * @param first the earliest instant; never null
   * @param within the length of the window; not negative
   * @return a new generator
   */
  public OrderGen placedBetween(Instant first, Duration within) {
    return new OrderGen(catalogue, first, within, minLines, maxLines, nets, customer);
  }

  /**
   * Several orders of the customer, with ids {@code order-1, order-2, ...} placed in id order (each
   * at or after the one before), shrinking towards fewer orders.
   *
   * @param min at least 1
   * @param max at least {@code min}
   * @return the generator; each list prints one order per line
   */
  public Gen<List<Order>> several(int min, int max) {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException("several: 1 <= min <= max");
    }
    Gen<List<Order>> orders =
        Gens.listOf(this, min, max)
            .map(
                list -> {
                  List<Order> numbered = new ArrayList<>();
                  List<Instant> times = list.stream().map(Order::placedAt).sorted().toList();
                  for (int i = 0; i < list.size(); i++) {
                    Order o = list.get(i);
                    numbered.add(
                        new Order(
                            OrderId.of("order-" + (i + 1)), o.customer(), times.get(i), o.lines()));
                  }
                  return numbered;
                });
    return orders.describedAs(
        list -> list.stream().map(OrderGen::describe).collect(Collectors.joining("\n", "\n", "")));
  }

  @Override
  public Order generate(RandomnessSource in) {
    List<OrderLine> lines = Gens.listOf(this::line, minLines, maxLines).generate(in);
    List<OrderLine> numbered = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      OrderLine l = lines.get(i);
      numbered.add(new OrderLine(i + 1, l.productId(), l.productGroup(), l.net(), l.description()));
    }
    long second = Generate.longRange(0, span.toSeconds(), 0).generate(in);
    return new Order(OrderId.of("order-1"), customer, from.plusSeconds(second), numbered);
  }

  /** One line (numbered 1) of this generator's catalogue and nets, without building an order. */
  Gen<OrderLine> line() {
    return this::line;
  }

  private OrderLine line(RandomnessSource in) {
    Product p = Generate.pick(catalogue).generate(in);
    return new OrderLine(1, p.id(), p.group(), nets.generate(in), Optional.empty());
  }

  @Override
  public String asString(Order order) {
    return describe(order);
  }

  /**
   * An order on one line: {@code "order-1 by customer at 2026-11-02T09:00:00Z: #1 vps-product (vps)
   * EUR 19.99; #2 ..."}.
   *
   * @param order the order; never null
   * @return the description
   */
  public static String describe(Order order) {
    return order.orderId()
        + " by "
        + order.customer()
        + " at "
        + order.placedAt()
        + ": "
        + order.lines().stream().map(OrderGen::describe).collect(Collectors.joining("; "));
  }

  /**
   * A line: {@code "#1 vps-product (vps) EUR 19.99"}.
   *
   * @param line the line; never null
   * @return the description
   */
  public static String describe(OrderLine line) {
    return "#"
        + line.lineNumber()
        + " "
        + line.productId()
        + line.productGroup().map(g -> " (" + g + ")").orElse("")
        + " "
        + line.net();
  }

  @Override
  public String toString() {
    return "orders of " + minLines + "-" + maxLines + " lines";
  }
}
