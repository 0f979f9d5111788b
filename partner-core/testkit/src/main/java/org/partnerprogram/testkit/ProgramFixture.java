package org.partnerprogram.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.out.ProgramStorage;

/**
 * A programme on a given storage with a Dutch hosting rate card (shared hosting 25 %, VPS 12.5 %,
 * domains not participating), one partner, and helpers to refer customers and build orders.
 */
public final class ProgramFixture {
  /** The fixture's start instant. */
  public static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

  public final MutableClock clock = MutableClock.at(START);

  /** The fixture's pseudonym key: fixed, so that tests can compute the pseudonyms they expect. */
  public static final PseudonymKey PSEUDONYM_KEY =
      PseudonymKey.of("partner-programme-testkit-pseudonym-key".getBytes(StandardCharsets.UTF_8));

  public final ProgramStorage storage;
  public final PartnerProgram program;
  public final Partner partner;

  private ProgramFixture(
      ProgramStorage storage,
      UnaryOperator<ProgramTerms.Builder> terms,
      UnaryOperator<PartnerProgram.Builder> options) {
    this.storage = storage;
    this.program =
        options
            .apply(PartnerProgram.builder())
            .pseudonymKey(PSEUDONYM_KEY)
            .terms(
                terms
                    .apply(
                        ProgramTerms.builder()
                            .referralLinkTemplate(
                                ReferralLinkTemplate.of("https://example.nl/?ref={code}")))
                    .build())
            .storage(storage)
            .clock(clock)
            .random(new SplittableRandom(11))
            .build();
    program
        .rates()
        .change(
            RateChange.programmeWide(Acts.TEST)
                .setAll(
                    Map.of(
                        RateTarget.group("shared-hosting"), Rate.percent("25"),
                        RateTarget.group("vps"), Rate.percent("12.5"))));
    partner =
        program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-partner")
                    .withPayoutAccount(PayoutAccount.of("NL91ABNA0417164300", "Jan de Vries")))
            .partner();
    program.referrals().issueVanityCode(partner.id(), "jan-hosting");
  }

  /**
   * The fixture on fresh in-memory storage with default terms.
   *
   * @return the fixture
   */
  public static ProgramFixture inMemory() {
    return new ProgramFixture(new InMemoryStorage(), b -> b, b -> b);
  }

  /**
   * The fixture on the given storage with adjusted terms.
   *
   * @param storage fresh, empty storage
   * @param terms changes to the default terms
   * @return the fixture
   */
  public static ProgramFixture on(
      ProgramStorage storage, UnaryOperator<ProgramTerms.Builder> terms) {
    return new ProgramFixture(storage, terms, b -> b);
  }

  /**
   * The fixture on the given storage with adjusted terms and programme options (such as {@link
   * PartnerProgram.Builder#publishCustomerAccountIds()}); the fixture sets the key, terms, storage,
   * clock and random source after the options.
   *
   * @param storage fresh, empty storage
   * @param terms changes to the default terms
   * @param options changes to the programme's builder
   * @return the fixture
   */
  public static ProgramFixture on(
      ProgramStorage storage,
      UnaryOperator<ProgramTerms.Builder> terms,
      UnaryOperator<PartnerProgram.Builder> options) {
    return new ProgramFixture(storage, terms, options);
  }

  /**
   * A customer who clicked the partner's link and signed up now.
   *
   * @param customer the new customer's account id
   * @return the id
   */
  public CustomerAccountId referredCustomer(String customer) {
    program.referrals().recordTouch(RecordTouchCommand.of("jan-hosting", "v-" + customer));
    program
        .referrals()
        .attributeSignup(
            AttributeSignupCommand.newCustomer(customer)
                .visitor("v-" + customer)
                .at(clock.instant()));
    return CustomerAccountId.of(customer);
  }

  /**
   * An order placed now.
   *
   * @param orderId the order id
   * @param customer the customer
   * @param lines the lines
   * @return the order
   */
  public Order order(String orderId, CustomerAccountId customer, OrderLine... lines) {
    return new Order(OrderId.of(orderId), customer, clock.instant(), Arrays.asList(lines));
  }

  /**
   * Records an order under an event id {@code "order-" + orderId}.
   *
   * @param order the order
   * @return the command used
   */
  public RecordOrderCommand record(Order order) {
    RecordOrderCommand command =
        new RecordOrderCommand(EventId.of("order-" + order.orderId()), order);
    program.commissions().recordOrder(command);
    return command;
  }

  /**
   * A line in euros.
   *
   * @param number the line number
   * @param group the product group (also used as product id suffix)
   * @param net the net amount, such as {@code "19.99"}
   * @return the line
   */
  public static OrderLine line(int number, String group, String net) {
    return new OrderLine(
        number,
        org.partnerprogram.core.domain.ProductId.of(group + "-product"),
        Optional.of(org.partnerprogram.core.domain.ProductGroupId.of(group)),
        Money.of(net, "EUR"),
        Optional.empty());
  }

  /**
   * Euros.
   *
   * @param amount such as {@code "4.99"}
   * @return the money
   */
  public static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  /**
   * The payouts a month's close made, as they are now (streamed by the programme, collected here).
   *
   * @param month the month
   * @return the payouts, by payout id
   */
  public List<Payout> payoutsOf(YearMonth month) {
    return payoutsOf(program, month);
  }

  /**
   * What a month's close did per partner.
   *
   * @param month the month
   * @return the lines, by partner id
   */
  public List<PeriodCloseLine> closeLinesOf(YearMonth month) {
    return closeLinesOf(program, month);
  }

  /**
   * The payouts a month's close made, as they are now.
   *
   * @param program the programme
   * @param month the month
   * @return the payouts, by payout id
   */
  public static List<Payout> payoutsOf(PartnerProgram program, YearMonth month) {
    List<Payout> payouts = new ArrayList<>();
    program.payouts().forEachPayout(month, payouts::add);
    return List.copyOf(payouts);
  }

  /**
   * What a month's close did per partner.
   *
   * @param program the programme
   * @param month the month
   * @return the lines, by partner id
   */
  public static List<PeriodCloseLine> closeLinesOf(PartnerProgram program, YearMonth month) {
    List<PeriodCloseLine> lines = new ArrayList<>();
    program.payouts().forEachCloseLine(month, lines::add);
    return List.copyOf(lines);
  }
}
