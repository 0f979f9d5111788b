package org.partnerprogram.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerLine;
import org.partnerprogram.core.domain.LedgerLine.State;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateCard;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.LedgerQuery;
import org.partnerprogram.core.port.in.Page;
import org.partnerprogram.core.port.in.PagePosition;
import org.partnerprogram.core.port.in.PayoutQuery;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.PayoutStore;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.core.port.out.RateStore;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * The contract of the queries a partner page, support and finance make, which every {@link
 * ProgramStorage} must pass: {@link LedgerStore#ledgerLines} (a partner's lines by month and state,
 * keyset-paged), {@link PayoutStore#payoutsOfPartner} (newest first, keyset-paged) and the labels
 * of {@link RateStore} behind the public rate card, all driven through the programme's facade.
 *
 * <p>Longer than 500 lines on purpose: one port's contract is one class an integrator extends once,
 * and its length is the number of cases it checks.
 *
 * @param <S> the storage type under test
 */
public abstract class QueriesContractTest<S extends ProgramStorage>
    extends StorageContractSupport<S> {

  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
  private static final Comparator<LedgerLine> PLACED =
      Comparator.comparing(LedgerLine::placedAt)
          .thenComparing(l -> l.orderId().value())
          .thenComparingInt(LedgerLine::lineNumber);

  // ---------------------------------------------------------------- helpers

  /** A second partner with one referred customer, so no query may show its rows. */
  private static CustomerAccountId otherPartnersCustomer(ProgramFixture f) {
    PartnerId other =
        f.program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-other")
                    .withPayoutAccount("NL91ABNA0417164300", "Anna Bakker"))
            .partner()
            .id();
    f.program.referrals().issueVanityCode(other, "anna-hosting");
    f.program.referrals().recordTouch(RecordTouchCommand.of("anna-hosting", "v-other"));
    f.program
        .referrals()
        .attributeSignup(
            AttributeSignupCommand.newCustomer("other-1").visitor("v-other").at(f.clock.instant()));
    return CustomerAccountId.of("other-1");
  }

  private static PartnerId otherPartner(ProgramFixture f) {
    return f.program
        .partners()
        .overviewOfCustomer(CustomerAccountId.of("cust-other"))
        .orElseThrow()
        .partnerId();
  }

  private static void order(ProgramFixture f, CustomerAccountId customer, String id, String net) {
    f.record(
        f.order(
            id,
            customer,
            ProgramFixture.line(1, "shared-hosting", net),
            ProgramFixture.line(2, "vps", net)));
  }

  private static void pay(ProgramFixture f, String id) {
    f.program
        .commissions()
        .recordPayment(RecordPaymentCommand.of("pay-" + id, id, f.clock.instant()));
  }

  private static List<LedgerLine> all(PartnerProgram program, LedgerQuery query) {
    List<LedgerLine> lines = new ArrayList<>();
    Page<LedgerLine> page = program.commissions().ledger(query);
    lines.addAll(page.items());
    while (page.next().isPresent()) {
      assertThat(page.items()).hasSize(query.pageSize());
      page = program.commissions().ledger(query.after(page.next().get()));
      lines.addAll(page.items());
    }
    return lines;
  }

  private static Map<String, State> states(PartnerProgram program, LedgerQuery query) {
    Map<String, State> states = new java.util.TreeMap<>();
    for (LedgerLine l : all(program, query)) {
      states.put(l.orderId().value() + "#" + l.lineNumber(), l.state());
    }
    return states;
  }

  // ---------------------------------------------------------------- ledger lines

  @Test
  void smallPagesReturnEveryLineOnceInTheOrderTheOrdersWerePlaced() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId customer = f.referredCustomer("new-1");
    CustomerAccountId others = otherPartnersCustomer(f);
    for (int i = 0; i < 13; i++) {
      f.clock.advance(Duration.ofMinutes(7));
      order(f, customer, String.format("order-%03d", i), "10.00");
      order(f, others, String.format("other-%03d", i), "10.00");
    }
    // Two orders placed at the same instant: ties are broken by order id, and paging keeps them.
    order(f, customer, "order-tie-a", "20.00");
    order(f, customer, "order-tie-b", "20.00");

    List<LedgerLine> everything =
        f.program.commissions().ledger(LedgerQuery.ofPartner(f.partner.id()).pageSize(200)).items();
    assertThat(everything).hasSize(30);
    assertThat(everything).isSortedAccordingTo(PLACED);
    assertThat(everything).allSatisfy(l -> assertThat(l.orderId().value()).startsWith("order-"));

    for (int size : new int[] {1, 4, 7, 29, 30}) {
      List<LedgerLine> paged = all(f.program, LedgerQuery.ofPartner(f.partner.id()).pageSize(size));
      assertThat(paged).as("pages of %d", size).containsExactlyElementsOf(everything);
    }
    Page<LedgerLine> whole =
        f.program.commissions().ledger(LedgerQuery.ofPartner(f.partner.id()).pageSize(30));
    assertThat(whole.next()).as("a page that holds the last line is the last page").isEmpty();
    Page<LedgerLine> first =
        f.program.commissions().ledger(LedgerQuery.ofPartner(f.partner.id()).pageSize(29));
    assertThat(first.next()).isPresent();
    // The line after the position is the last one; a page after it that filters it out is empty.
    Page<LedgerLine> afterLast =
        f.program
            .commissions()
            .ledger(
                LedgerQuery.ofPartner(f.partner.id())
                    .state(State.PAID)
                    .after(first.next().orElseThrow()));
    assertThat(afterLast.items()).isEmpty();
    assertThat(afterLast.next()).isEmpty();
    // The other partner sees only its own lines.
    assertThat(all(f.program, LedgerQuery.ofPartner(otherPartner(f)).pageSize(5)))
        .hasSize(26)
        .allSatisfy(l -> assertThat(l.orderId().value()).startsWith("other-"));
  }

  @Test
  void aLineShowsItsOrderProductAmountsAndNoCustomerData() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId customer = f.referredCustomer("new-1");
    order(f, customer, "order-1", "100.00");

    List<LedgerLine> lines =
        f.program.commissions().ledger(LedgerQuery.ofPartner(f.partner.id())).items();

    assertThat(lines).hasSize(2);
    LedgerLine shared = lines.get(0);
    assertThat(shared.orderId().value()).isEqualTo("order-1");
    assertThat(shared.lineNumber()).isEqualTo(1);
    assertThat(shared.productId().value()).isEqualTo("shared-hosting-product");
    assertThat(shared.net()).isEqualTo(ProgramFixture.eur("100.00"));
    assertThat(shared.rate()).contains(Rate.percent("25"));
    assertThat(shared.commission()).isEqualTo(ProgramFixture.eur("25.00"));
    assertThat(shared.reversed()).isEqualTo(ProgramFixture.eur("0.00"));
    assertThat(shared.placedAt()).isEqualTo(ProgramFixture.START);
    assertThat(shared.state()).isEqualTo(State.PENDING);
    assertThat(shared.payableAt()).isEmpty();
    assertThat(shared.payoutId()).isEmpty();
    assertThat(lines.get(1).commission()).isEqualTo(ProgramFixture.eur("12.50"));
    assertThat(shared.toString()).doesNotContain("new-1");
  }

  @Test
  void aLinePassesThroughEveryStateAndIsFoundByEach() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b.holdingPeriod(Duration.ofDays(14)));
    CustomerAccountId customer = f.referredCustomer("new-1");
    LedgerQuery november = LedgerQuery.ofPartner(f.partner.id()).month(NOVEMBER).pageSize(3);
    order(f, customer, "order-a", "100.00"); // paid early: in the November payout, then paid
    f.clock.advance(Duration.ofHours(1));
    order(f, customer, "order-b", "100.00"); // paid late in November: payable after the close
    f.clock.advance(Duration.ofHours(1));
    order(f, customer, "order-c", "100.00"); // paid in December: held
    f.clock.advance(Duration.ofHours(1));
    order(f, customer, "order-d", "100.00"); // never paid: pending
    assertThat(states(f.program, november)).hasSize(8).containsValue(State.PENDING);
    assertThat(states(f.program, november).values()).containsOnly(State.PENDING);

    pay(f, "order-a");
    assertThat(states(f.program, november.state(State.HELD)))
        .containsOnlyKeys("order-a#1", "order-a#2");
    f.clock.set(Instant.parse("2026-11-25T10:00:00Z"));
    pay(f, "order-b");
    f.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    f.program.payouts().close(NOVEMBER, Acts.TEST);
    f.clock.set(Instant.parse("2026-12-05T10:00:00Z"));
    pay(f, "order-c");
    f.clock.set(Instant.parse("2026-12-10T10:00:00Z"));

    assertThat(states(f.program, november))
        .containsEntry("order-a#1", State.IN_PAYOUT)
        .containsEntry("order-b#1", State.PAYABLE)
        .containsEntry("order-c#1", State.HELD)
        .containsEntry("order-d#1", State.PENDING);
    assertThat(states(f.program, november.state(State.IN_PAYOUT)))
        .containsOnlyKeys("order-a#1", "order-a#2");
    assertThat(states(f.program, november.state(State.PAYABLE)))
        .containsOnlyKeys("order-b#1", "order-b#2");
    assertThat(states(f.program, november.state(State.HELD)))
        .containsOnlyKeys("order-c#1", "order-c#2");
    assertThat(states(f.program, november.state(State.PENDING)))
        .containsOnlyKeys("order-d#1", "order-d#2");
    assertThat(states(f.program, november.state(State.PAID))).isEmpty();
    LedgerLine inPayout =
        f.program.commissions().ledger(november.state(State.IN_PAYOUT)).items().get(0);
    Payout payout = f.payoutsOf(NOVEMBER).get(0);
    assertThat(inPayout.payoutId()).contains(payout.payoutId());
    assertThat(inPayout.payableAt())
        .contains(ProgramFixture.START.plus(Duration.ofHours(3)).plus(Duration.ofDays(14)));

    f.program.payouts().markPaid(payout.payoutId(), f.clock.instant(), Acts.TEST);
    f.program
        .commissions()
        .recordRefund(
            RecordRefundCommand.perLine(
                "refund-a", "order-a", f.clock.instant(), Map.of(1, ProgramFixture.eur("40.00"))));

    List<LedgerLine> paid = all(f.program, november.state(State.PAID));
    assertThat(paid).extracting(l -> l.orderId().value()).containsOnly("order-a");
    assertThat(paid.get(0).reversed()).isEqualTo(ProgramFixture.eur("10.00"));
    assertThat(paid.get(0).payoutId()).contains(payout.payoutId());
    assertThat(paid.get(1).reversed()).isEqualTo(ProgramFixture.eur("0.00"));
    assertThat(all(f.program, november.month(DECEMBER))).isEmpty();
  }

  @Test
  void aLineBelongsToTheMonthOfTheProgrammesZoneInWhichItsOrderWasPlaced() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.clock.set(Instant.parse("2026-11-30T22:59:59.999999Z")); // 23:59:59 in Amsterdam
    order(f, customer, "order-november", "10.00");
    f.clock.set(Instant.parse("2026-11-30T23:00:00Z")); // midnight in Amsterdam: December
    order(f, customer, "order-december", "10.00");
    LedgerQuery query = LedgerQuery.ofPartner(f.partner.id());

    assertThat(all(f.program, query.month(NOVEMBER)))
        .extracting(l -> l.orderId().value())
        .containsOnly("order-november");
    assertThat(all(f.program, query.month(DECEMBER)))
        .extracting(l -> l.orderId().value())
        .containsOnly("order-december");
    assertThat(all(f.program, query.month(YearMonth.of(2026, 10)))).isEmpty();
    assertThat(all(f.program, query)).hasSize(4);
  }

  @Test
  void badQueriesAreRefusedWithTypedErrors() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    LedgerQuery query = LedgerQuery.ofPartner(f.partner.id());
    for (int size : new int[] {0, -1, LedgerQuery.MAX_PAGE_SIZE + 1, Integer.MIN_VALUE}) {
      assertThatThrownBy(() -> query.pageSize(size)).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> PayoutQuery.ofPartner(f.partner.id()).pageSize(size))
          .isInstanceOf(InvalidInputException.class);
    }
    assertThatThrownBy(() -> PagePosition.of("not a token!"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> f.program.commissions().ledger(query.after(PagePosition.of("bm9uc2Vuc2U"))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> f.program.commissions().ledger(null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> f.program.commissions().ledger(LedgerQuery.ofPartner(PartnerId.of("nobody"))))
        .isInstanceOf(NotFoundException.class);

    CustomerAccountId customer = f.referredCustomer("new-1");
    order(f, customer, "order-1", "10.00");
    PagePosition ledgerPosition =
        f.program.commissions().ledger(query.pageSize(1)).next().orElseThrow();
    assertThatThrownBy(
            () ->
                f.program
                    .payouts()
                    .ofPartner(PayoutQuery.ofPartner(f.partner.id()).after(ledgerPosition)))
        .isInstanceOf(InvalidInputException.class);
    // A position survives its token's round trip through a host's page.
    assertThat(
            f.program
                .commissions()
                .ledger(query.after(PagePosition.of(ledgerPosition.token())))
                .items())
        .singleElement()
        .satisfies(l -> assertThat(l.lineNumber()).isEqualTo(2));
  }

  // ---------------------------------------------------------------- payouts

  @Test
  void aPartnersPayoutsComeNewestFirstInSmallPages() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId customer = f.referredCustomer("new-1");
    CustomerAccountId others = otherPartnersCustomer(f);
    YearMonth month = NOVEMBER;
    for (int i = 0; i < 5; i++) {
      order(f, customer, "order-" + i, "10.00");
      pay(f, "order-" + i);
      order(f, others, "other-" + i, "10.00");
      pay(f, "other-" + i);
      f.clock.set(f.program.terms().startOf(month.plusMonths(1)).plus(Duration.ofHours(8)));
      f.program.payouts().close(month, Acts.TEST);
      month = month.plusMonths(1);
    }
    Payout failed =
        f.payoutsOf(DECEMBER).stream()
            .filter(p -> p.partnerId().equals(f.partner.id()))
            .findFirst()
            .orElseThrow();
    f.program.payouts().markFailed(failed.payoutId(), Acts.because("account closed"));

    List<Payout> all = new ArrayList<>();
    PayoutQuery query = PayoutQuery.ofPartner(f.partner.id()).pageSize(2);
    Page<Payout> page = f.program.payouts().ofPartner(query);
    all.addAll(page.items());
    int pages = 1;
    while (page.next().isPresent()) {
      page = f.program.payouts().ofPartner(query.after(page.next().get()));
      all.addAll(page.items());
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(all)
        .extracting(Payout::period)
        .containsExactly(
            YearMonth.of(2027, 3),
            YearMonth.of(2027, 2),
            YearMonth.of(2027, 1),
            DECEMBER,
            NOVEMBER);
    assertThat(all).allSatisfy(p -> assertThat(p.partnerId()).isEqualTo(f.partner.id()));
    assertThat(all.get(3).status()).isEqualTo(PayoutStatus.FAILED);
    assertThat(f.program.payouts().ofPartner(PayoutQuery.ofPartner(otherPartner(f))).items())
        .hasSize(5)
        .allSatisfy(p -> assertThat(p.partnerId()).isEqualTo(otherPartner(f)));
    Page<Payout> whole = f.program.payouts().ofPartner(query.pageSize(5));
    assertThat(whole.items()).containsExactlyElementsOf(all);
    assertThat(whole.next()).isEmpty();
  }

  @Test
  void aFailedPayoutStaysInThePartnersHistory() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId customer = f.referredCustomer("new-1");
    order(f, customer, "order-1", "10.00");
    pay(f, "order-1");
    f.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    f.program.payouts().close(NOVEMBER, Acts.TEST);
    Payout first = f.payoutsOf(NOVEMBER).get(0);
    f.program.payouts().markFailed(first.payoutId(), Acts.because("account closed"));
    f.clock.set(Instant.parse("2027-01-01T08:00:00Z"));
    f.program.payouts().close(DECEMBER, Acts.TEST);

    List<Payout> payouts =
        f.program.payouts().ofPartner(PayoutQuery.ofPartner(f.partner.id()).pageSize(1)).items();
    assertThat(payouts).singleElement().satisfies(p -> assertThat(p.period()).isEqualTo(DECEMBER));
    assertThat(
            f.program
                .payouts()
                .ofPartner(PayoutQuery.ofPartner(f.partner.id()).pageSize(5))
                .items())
        .extracting(Payout::status)
        .containsExactly(PayoutStatus.CREATED, PayoutStatus.FAILED);
  }

  // ---------------------------------------------------------------- the rate card

  @Test
  void theRateCardShowsTheVersionInForceWithLabelsCarriedOverAndRemovedWithTheirTarget() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    RateTarget shared = RateTarget.group("shared-hosting");
    RateTarget vps = RateTarget.group("vps");
    RateTarget ssl = RateTarget.product("ssl-basic");
    RateCard first = f.program.rates().card().orElseThrow();
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.entries()).allSatisfy(e -> assertThat(e.label()).isEmpty());

    f.clock.advance(Duration.ofMinutes(1));
    f.program
        .rates()
        .change(
            RateChange.programmeWide(Acts.TEST)
                .set(ssl, Rate.percent("5"))
                .label(ssl, "SSL <basic> & \"more\"")
                .label(vps, "Virtual servers"));
    RateCard second = f.program.rates().card().orElseThrow();
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.effectiveFrom()).isEqualTo(f.clock.instant());
    assertThat(second.entries())
        .containsExactly(
            new RateCard.Entry(ssl, Rate.percent("5"), Optional.of("SSL <basic> & \"more\"")),
            new RateCard.Entry(shared, Rate.percent("25"), Optional.empty()),
            new RateCard.Entry(vps, Rate.percent("12.5"), Optional.of("Virtual servers")));

    f.clock.advance(Duration.ofMinutes(1));
    f.program
        .rates()
        .change(
            RateChange.programmeWide(Acts.TEST)
                .set(vps, Rate.percent("15"))
                .remove(ssl)
                .label(shared, "Shared hosting"));
    RateCard third = f.program.rates().card().orElseThrow();
    assertThat(third.entries())
        .containsExactly(
            new RateCard.Entry(shared, Rate.percent("25"), Optional.of("Shared hosting")),
            new RateCard.Entry(vps, Rate.percent("15"), Optional.of("Virtual servers")));
    assertThat(tx(() -> storage.rates().labels(Optional.empty(), 2)))
        .isEqualTo(Map.of(ssl, "SSL <basic> & \"more\"", vps, "Virtual servers"));

    // Re-adding a removed target does not bring its old label back.
    f.clock.advance(Duration.ofMinutes(1));
    f.program.rates().change(RateChange.programmeWide(Acts.TEST).set(ssl, Rate.percent("6")));
    assertThat(f.program.rates().card().orElseThrow().entries().get(0))
        .isEqualTo(new RateCard.Entry(ssl, Rate.percent("6"), Optional.empty()));

    // A version that starts later is not on the card until it starts.
    Instant later = f.clock.instant().plus(Duration.ofDays(3));
    f.program.rates().change(RateChange.programmeWide(Acts.TEST).label(vps, "VPS").from(later));
    assertThat(f.program.rates().card().orElseThrow().version()).isEqualTo(4);
    f.clock.set(later);
    RateCard relabelled = f.program.rates().card().orElseThrow();
    assertThat(relabelled.version()).isEqualTo(5);
    assertThat(relabelled.entries())
        .contains(new RateCard.Entry(vps, Rate.percent("15"), Optional.of("VPS")));
  }

  @Test
  void aLabelMustNameATargetOnTheCardAndBePlainText() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    f.clock.advance(Duration.ofMinutes(1));
    assertThatThrownBy(
            () ->
                f.program
                    .rates()
                    .change(
                        RateChange.programmeWide(Acts.TEST)
                            .label(RateTarget.product("nowhere"), "Gone")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> RateChange.programmeWide(Acts.TEST).label(RateTarget.group("vps"), "two\nlines"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                RateChange.programmeWide(Acts.TEST)
                    .remove(RateTarget.group("vps"))
                    .label(RateTarget.group("vps"), "VPS"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                RateChange.programmeWide(Acts.TEST).label(RateTarget.group("vps"), "x".repeat(101)))
        .isInstanceOf(InvalidInputException.class);
    // The refused change wrote nothing.
    assertThat(f.program.rates().card().orElseThrow().version()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- the ports themselves

  @Test
  void thePortsAnswerWhatTheFacadeShowsAndContinueAfterAKey() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId customer = f.referredCustomer("new-1");
    for (int i = 0; i < 3; i++) {
      f.clock.advance(Duration.ofMinutes(1));
      order(f, customer, "order-" + i, "10.00");
    }
    Instant now = f.clock.instant();
    Instant from = Instant.parse("2026-11-01T00:00:00Z");
    Instant to = Instant.parse("2026-12-01T00:00:00Z");

    List<LedgerLine> lines =
        tx(
            () ->
                storage
                    .ledger()
                    .ledgerLines(
                        new LedgerStore.LinesWanted(
                            f.partner.id(),
                            from,
                            to,
                            Optional.empty(),
                            now,
                            Optional.empty(),
                            100)));
    assertThat(lines)
        .containsExactlyElementsOf(
            f.program.commissions().ledger(LedgerQuery.ofPartner(f.partner.id())).items());
    assertThat(lines).hasSize(6);
    List<LedgerLine> rest =
        tx(
            () ->
                storage
                    .ledger()
                    .ledgerLines(
                        new LedgerStore.LinesWanted(
                            f.partner.id(),
                            from,
                            to,
                            Optional.of(State.PENDING),
                            now,
                            Optional.of(LedgerStore.LedgerLineKey.of(lines.get(2))),
                            2)));
    assertThat(rest).containsExactly(lines.get(3), lines.get(4));
    assertThat(
            tx(
                () ->
                    storage
                        .ledger()
                        .ledgerLines(
                            new LedgerStore.LinesWanted(
                                f.partner.id(),
                                to,
                                to.plus(Duration.ofDays(30)),
                                Optional.empty(),
                                now,
                                Optional.empty(),
                                100))))
        .isEmpty();

    assertThat(tx(() -> storage.payouts().payoutsOfPartner(f.partner.id(), Optional.empty(), 10)))
        .isEmpty();

    // Labels round-trip exactly, per scope and version.
    f.clock.advance(Duration.ofMinutes(1));
    RateTarget vps = RateTarget.group("vps");
    int version =
        f.program
            .rates()
            .change(RateChange.programmeWide(Acts.TEST).set(vps, Rate.percent("9")))
            .number();
    tx(
        () -> {
          storage
              .rates()
              .insertLabels(Optional.empty(), version, Map.of(vps, "Virtuelle Server ÄÖÜ ✓"));
          return null;
        });
    assertThat(tx(() -> storage.rates().labels(Optional.empty(), version)))
        .isEqualTo(Map.of(vps, "Virtuelle Server ÄÖÜ ✓"));
    assertThat(tx(() -> storage.rates().labels(Optional.of(f.partner.id()), version))).isEmpty();
    assertThat(tx(() -> storage.rates().labels(Optional.empty(), version + 1))).isEmpty();
  }
}
