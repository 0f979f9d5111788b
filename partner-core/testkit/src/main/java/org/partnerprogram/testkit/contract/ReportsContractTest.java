package org.partnerprogram.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.Funnel;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.LedgerQuery;
import org.partnerprogram.core.port.in.MonthPayoutsQuery;
import org.partnerprogram.core.port.in.Page;
import org.partnerprogram.core.port.in.PagePosition;
import org.partnerprogram.core.port.in.PartnerListQuery;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.Reports;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.core.port.out.ReportStore;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * The contract of support's and finance's reports across partners, which every {@link
 * ProgramStorage} must pass: the {@link ReportStore} behind {@code program.reports()}, driven
 * through the facade on a small seeded programme with exact figures (partners by status, a partner
 * by code or account, the top earners with ties, a month's funnel in the programme's zone, a
 * month's payouts by state), paging that continues exactly, and typed refusals of bad input.
 *
 * @param <S> the storage type under test
 */
public abstract class ReportsContractTest<S extends ProgramStorage>
    extends StorageContractSupport<S> {

  private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
  private static final Currency EUR = Currency.getInstance("EUR");

  /** The first instant of November in Amsterdam, the fixture's zone. */
  private static final Instant NOVEMBER_START = Instant.parse("2026-10-31T23:00:00Z");

  /** The first instant of December in Amsterdam. */
  private static final Instant DECEMBER_START = Instant.parse("2026-11-30T23:00:00Z");

  private static final Instant JANUARY_START = Instant.parse("2026-12-31T23:00:00Z");

  // ---------------------------------------------------------------- helpers

  /** A partner with a payout account and a vanity code, and one referred customer. */
  private static PartnerId partnerWithCustomer(ProgramFixture f, String name) {
    PartnerId id =
        f.program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-" + name)
                    .withPayoutAccount("NL91ABNA0417164300", "Partner " + name))
            .partner()
            .id();
    f.program.referrals().issueVanityCode(id, name + "-hosting");
    signup(f, name + "-hosting", "new-" + name);
    return id;
  }

  /** A customer who clicks a code and signs up now: one click, one attributed decision. */
  private static CustomerAccountId signup(ProgramFixture f, String code, String customer) {
    f.program.referrals().recordTouch(RecordTouchCommand.of(code, "v-" + customer));
    f.program
        .referrals()
        .attributeSignup(
            AttributeSignupCommand.newCustomer(customer)
                .visitor("v-" + customer)
                .at(f.clock.instant()));
    return CustomerAccountId.of(customer);
  }

  /** An order of 100.00 shared hosting (25 %) and 100.00 VPS (12.5 %): 37.50 commission. */
  private static void order(ProgramFixture f, String customer, String id) {
    f.record(
        f.order(
            id,
            CustomerAccountId.of(customer),
            ProgramFixture.line(1, "shared-hosting", "100.00"),
            ProgramFixture.line(2, "vps", "100.00")));
  }

  private static void pay(ProgramFixture f, String id) {
    f.program
        .commissions()
        .recordPayment(RecordPaymentCommand.of("pay-" + id, id, f.clock.instant()));
  }

  private static void refund(ProgramFixture f, String id, int line, String net) {
    f.program
        .commissions()
        .recordRefund(
            RecordRefundCommand.perLine(
                "refund-" + id + "-" + line,
                id,
                f.clock.instant(),
                Map.of(line, ProgramFixture.eur(net))));
  }

  /** Every page of a paged query, checking that each page but the last is full. */
  private static <Q, T> List<T> all(
      Q first,
      int pageSize,
      Function<Q, Page<T>> run,
      java.util.function.BiFunction<Q, PagePosition, Q> after) {
    List<T> rows = new ArrayList<>();
    Page<T> page = run.apply(first);
    rows.addAll(page.items());
    while (page.next().isPresent()) {
      assertThat(page.items()).hasSize(pageSize);
      page = run.apply(after.apply(first, page.next().get()));
      rows.addAll(page.items());
    }
    return rows;
  }

  private static List<Partner> partners(ProgramFixture f, PartnerListQuery query) {
    Reports reports = f.program.reports();
    return all(query, query.pageSize(), reports::partners, PartnerListQuery::after);
  }

  private static List<Payout> payouts(ProgramFixture f, MonthPayoutsQuery query) {
    Reports reports = f.program.reports();
    return all(query, query.pageSize(), reports::payoutsOfMonth, MonthPayoutsQuery::after);
  }

  private static List<String> ids(List<Partner> partners) {
    return partners.stream().map(p -> p.id().value()).toList();
  }

  // ---------------------------------------------------------------- partners by status

  @Test
  void partnersOfAStatusComeByIdInPagesThatContinueExactly() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    List<String> active = new ArrayList<>(List.of(f.partner.id().value()));
    List<String> suspended = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (String name : List.of("a", "b", "c", "d", "e", "f", "g")) {
      PartnerId id =
          f.program.partners().enroll(EnrollPartnerCommand.of("cust-" + name)).partner().id();
      switch (name) {
        case "b", "e" -> {
          f.program.partners().suspend(id, Acts.because("fraud review"));
          suspended.add(id.value());
        }
        case "f" -> {
          f.program.partners().leave(id);
          left.add(id.value());
        }
        default -> active.add(id.value());
      }
    }
    active.sort(Comparator.naturalOrder());
    suspended.sort(Comparator.naturalOrder());

    for (int size : new int[] {1, 2, 5, 6, 200}) {
      assertThat(ids(partners(f, PartnerListQuery.withStatus(PartnerStatus.ACTIVE).pageSize(size))))
          .as("pages of %d", size)
          .containsExactlyElementsOf(active);
    }
    Page<Partner> whole =
        f.program.reports().partners(PartnerListQuery.withStatus(PartnerStatus.ACTIVE).pageSize(5));
    assertThat(whole.next()).as("a page that holds the last partner is the last page").isEmpty();
    assertThat(ids(partners(f, PartnerListQuery.withStatus(PartnerStatus.SUSPENDED).pageSize(1))))
        .containsExactlyElementsOf(suspended);
    assertThat(partners(f, PartnerListQuery.withStatus(PartnerStatus.TERMINATED)))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.id().value()).isEqualTo(left.get(0));
              assertThat(p.customerAccountId().value()).isEqualTo("cust-f");
              assertThat(p.status()).isEqualTo(PartnerStatus.TERMINATED);
            });
    assertThat(f.program.reports().partners(PartnerListQuery.withStatus(PartnerStatus.ERASED)))
        .satisfies(
            p -> {
              assertThat(p.items()).isEmpty();
              assertThat(p.next()).isEmpty();
            });

    // The port itself: ids after the given one, by id, at most the limit.
    assertThat(
            tx(
                () ->
                    storage
                        .reports()
                        .partnersWithStatus(
                            PartnerStatus.ACTIVE, Optional.of(PartnerId.of(active.get(1))), 2)))
        .extracting(p -> p.id().value())
        .containsExactly(active.get(2), active.get(3));
  }

  // ---------------------------------------------------------------- search

  @Test
  void aPartnerIsFoundByCodeInAnyCaseOrByCustomerAccount() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    assertThat(f.program.reports().find("JAN-HOSTING"))
        .extracting(Partner::id)
        .containsExactly(f.partner.id());
    assertThat(f.program.reports().find(" jan-Hosting "))
        .extracting(Partner::id)
        .containsExactly(f.partner.id());
    assertThat(f.program.reports().find("cust-partner"))
        .extracting(Partner::id)
        .containsExactly(f.partner.id());
    assertThat(f.program.reports().find("cust-nobody")).isEmpty();

    // A customer account id that reads like another partner's code: both partners, code first.
    PartnerId lookalike =
        f.program.partners().enroll(EnrollPartnerCommand.of("jan-hosting")).partner().id();
    assertThat(f.program.reports().find("jan-hosting"))
        .extracting(Partner::id)
        .containsExactly(f.partner.id(), lookalike);
    // A revoked code still names its partner.
    f.program.referrals().issueVanityCode(lookalike, "old-code");
    f.program.referrals().revokeCode("old-code");
    assertThat(f.program.reports().find("OLD-CODE"))
        .extracting(Partner::id)
        .containsExactly(lookalike);

    for (String bad : new String[] {"", "   ", "no spaces allowed!", "x".repeat(200)}) {
      assertThatThrownBy(() -> f.program.reports().find(bad))
          .as("'%s'", bad)
          .isInstanceOf(InvalidInputException.class);
    }
    assertThatThrownBy(() -> f.program.reports().find(null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void anErasedPartnerIsFoundOnlyByItsPseudonyms() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    PartnerId gone =
        f.program.partners().enroll(EnrollPartnerCommand.of("cust-gone")).partner().id();
    f.program.referrals().issueVanityCode(gone, "gone-hosting");
    String generated = f.program.referrals().issueCode(gone).code().value();
    f.program.partners().leave(gone);
    f.program.privacy().erasePartner(gone);

    assertThat(f.program.reports().find("cust-gone")).isEmpty();
    assertThat(f.program.reports().find("gone-hosting")).isEmpty();
    assertThat(f.program.reports().find(generated)).isEmpty();
    CustomerAccountId accountPseudonym =
        f.program.partners().find(gone).orElseThrow().customerAccountId();
    assertThat(accountPseudonym.value()).isNotEqualTo("cust-gone");
    assertThat(f.program.reports().find(accountPseudonym.value()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.id()).isEqualTo(gone);
              assertThat(p.status()).isEqualTo(PartnerStatus.ERASED);
            });
    ReferralCode codePseudonym =
        ProgramFixture.PSEUDONYM_KEY.pseudonymOf(ReferralCode.vanity("gone-hosting"));
    assertThat(f.program.reports().find(codePseudonym.value().toLowerCase(java.util.Locale.ROOT)))
        .extracting(Partner::id)
        .containsExactly(gone);
    assertThat(ids(partners(f, PartnerListQuery.withStatus(PartnerStatus.ERASED))))
        .containsExactly(gone.value());
  }

  // ---------------------------------------------------------------- top partners

  @Test
  void topPartnersRankNetEarnedCommissionOfAPeriodWithTiesById() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    PartnerId jan = f.partner.id();
    f.referredCustomer("new-jan");
    PartnerId bob = partnerWithCustomer(f, "bob");
    PartnerId cas = partnerWithCustomer(f, "cas");
    PartnerId dirk = partnerWithCustomer(f, "dirk");
    PartnerId eva = partnerWithCustomer(f, "eva");
    for (String name : List.of("jan", "bob", "cas", "dirk", "eva")) {
      order(f, "new-" + name, "order-" + name);
    }
    f.clock.advance(Duration.ofDays(1));
    for (String name : List.of("jan", "bob", "cas", "eva")) {
      pay(f, "order-" + name);
    }
    f.clock.advance(Duration.ofDays(1));
    refund(f, "order-cas", 1, "40.00"); // 10.00 taken back: 27.50
    refund(f, "order-eva", 1, "100.00"); // everything taken back: 0.00
    refund(f, "order-eva", 2, "100.00");
    // An order refunded before it was paid: CANCELLED, never earned, so it does not count.
    order(f, "new-dirk", "order-dirk-2");
    refund(f, "order-dirk-2", 1, "100.00");
    f.clock.set(DECEMBER_START.plus(Duration.ofHours(2)));
    pay(f, "order-dirk"); // December

    List<PartnerId> tie = new ArrayList<>(List.of(jan, bob));
    tie.sort(Comparator.comparing(PartnerId::value));
    List<PartnerAmount> november =
        f.program.reports().topPartners(NOVEMBER_START, DECEMBER_START, Reports.MAX_TOP);
    assertThat(november)
        .containsExactly(
            new PartnerAmount(tie.get(0), ProgramFixture.eur("37.50")),
            new PartnerAmount(tie.get(1), ProgramFixture.eur("37.50")),
            new PartnerAmount(cas, ProgramFixture.eur("27.50")),
            new PartnerAmount(eva, ProgramFixture.eur("0.00")));
    assertThat(f.program.reports().topPartners(NOVEMBER_START, DECEMBER_START, 2))
        .containsExactlyElementsOf(november.subList(0, 2));
    assertThat(f.program.reports().topPartners(DECEMBER_START, JANUARY_START, 10))
        .containsExactly(new PartnerAmount(dirk, ProgramFixture.eur("37.50")));
    // Half-open: an entry at the period's end belongs to the next period.
    Instant paidDirk = DECEMBER_START.plus(Duration.ofHours(2));
    assertThat(f.program.reports().topPartners(NOVEMBER_START, paidDirk, 10))
        .extracting(PartnerAmount::partnerId)
        .doesNotContain(dirk);
    assertThat(f.program.reports().topPartners(paidDirk, paidDirk.plusNanos(1000), 10))
        .extracting(PartnerAmount::partnerId)
        .containsExactly(dirk);
    assertThat(f.program.reports().topPartners(JANUARY_START, JANUARY_START.plusSeconds(1), 1))
        .isEmpty();

    // The port itself, in the currency asked for only.
    assertThat(tx(() -> storage.reports().topEarners(EUR, NOVEMBER_START, DECEMBER_START, 3)))
        .containsExactlyElementsOf(november.subList(0, 3));
    assertThat(
            tx(
                () ->
                    storage
                        .reports()
                        .topEarners(
                            Currency.getInstance("USD"), NOVEMBER_START, DECEMBER_START, 3)))
        .isEmpty();
  }

  @Test
  void badTopPartnerQueriesAreRefusedWithTypedErrors() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    Reports reports = f.program.reports();
    assertThatThrownBy(() -> reports.topPartners(null, DECEMBER_START, 10))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> reports.topPartners(NOVEMBER_START, null, 10))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> reports.topPartners(DECEMBER_START, DECEMBER_START, 10))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> reports.topPartners(DECEMBER_START, NOVEMBER_START, 10))
        .isInstanceOf(InvalidInputException.class);
    for (int limit : new int[] {0, -1, Reports.MAX_TOP + 1}) {
      assertThatThrownBy(() -> reports.topPartners(NOVEMBER_START, DECEMBER_START, limit))
          .isInstanceOf(InvalidInputException.class);
    }
    assertThatThrownBy(
            () -> reports.topPartners(Instant.parse("1960-01-01T00:00:00Z"), DECEMBER_START, 1))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> reports.funnel(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> reports.funnel(YearMonth.of(3000, 1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> reports.partners(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> reports.payoutsOfMonth(null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PartnerListQuery.withStatus(null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> MonthPayoutsQuery.of(null)).isInstanceOf(InvalidInputException.class);
    for (int size : new int[] {0, -1, LedgerQuery.MAX_PAGE_SIZE + 1}) {
      assertThatThrownBy(() -> PartnerListQuery.withStatus(PartnerStatus.ACTIVE).pageSize(size))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> MonthPayoutsQuery.of(NOVEMBER).pageSize(size))
          .isInstanceOf(InvalidInputException.class);
    }
    assertThatThrownBy(() -> MonthPayoutsQuery.of(NOVEMBER).status(null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PartnerListQuery.withStatus(PartnerStatus.ACTIVE).after(null))
        .isInstanceOf(InvalidInputException.class);
  }

  // ---------------------------------------------------------------- funnel

  @Test
  void aMonthsFunnelCountsWhatHappenedInItInTheProgrammesZone() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    f.referredCustomer("new-1"); // click 1, signup 1
    f.referredCustomer("new-2"); // click 2, signup 2
    partnerWithCustomer(f, "bob"); // click 3, signup 3 (new-bob)
    f.program.referrals().recordTouch(RecordTouchCommand.of("jan-hosting", "v-browser")); // 4
    f.program
        .referrals()
        .attributeSignup(
            AttributeSignupCommand.newCustomer("walk-in").visitor("v-walk").at(f.clock.instant()));
    order(f, "new-1", "order-1");
    order(f, "new-1", "order-2");
    order(f, "new-2", "order-3");
    order(f, "new-bob", "order-4");
    order(f, "walk-in", "order-5"); // earns nobody
    f.clock.advance(Duration.ofDays(1));
    pay(f, "order-1");
    pay(f, "order-2");
    pay(f, "order-3");
    pay(f, "order-5");
    refund(f, "order-4", 1, "40.00"); // before payment: 10.00 cancelled
    refund(f, "order-3", 2, "100.00"); // after payment: 12.50 reversed
    f.clock.set(DECEMBER_START.minus(Duration.ofMinutes(30))); // 23:30 on 30 November
    f.program.referrals().recordTouch(RecordTouchCommand.of("bob-hosting", "v-late")); // 5
    f.clock.set(DECEMBER_START.plus(Duration.ofMinutes(30))); // 00:30 on 1 December
    f.program.referrals().recordTouch(RecordTouchCommand.of("bob-hosting", "v-later"));
    pay(f, "order-4"); // 15.00 + 12.50 earned in December
    f.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    f.program.payouts().close(NOVEMBER, Acts.TEST);
    Payout janPayout =
        f.payoutsOf(NOVEMBER).stream()
            .filter(p -> p.partnerId().equals(f.partner.id()))
            .findFirst()
            .orElseThrow();
    assertThat(janPayout.amount()).isEqualTo(ProgramFixture.eur("100.00"));
    f.clock.set(Instant.parse("2026-12-02T10:00:00Z"));
    f.program.payouts().markPaid(janPayout.payoutId(), f.clock.instant(), Acts.TEST);

    assertThat(f.program.reports().funnel(NOVEMBER))
        .isEqualTo(
            new Funnel(
                NOVEMBER,
                5,
                3,
                2,
                ProgramFixture.eur("112.50"),
                ProgramFixture.eur("10.00"),
                ProgramFixture.eur("12.50"),
                ProgramFixture.eur("0.00")));
    Funnel december = f.program.reports().funnel(DECEMBER);
    assertThat(december)
        .isEqualTo(
            new Funnel(
                DECEMBER,
                1,
                0,
                1,
                ProgramFixture.eur("27.50"),
                ProgramFixture.eur("0.00"),
                ProgramFixture.eur("0.00"),
                ProgramFixture.eur("100.00")));
    assertThat(f.program.reports().funnel(NOVEMBER).netEarned())
        .isEqualTo(ProgramFixture.eur("100.00"));

    // The port itself, for any range.
    assertThat(tx(() -> storage.reports().funnel(DECEMBER, DECEMBER_START, JANUARY_START, EUR)))
        .isEqualTo(december);
  }

  @Test
  void aMonthInWhichNothingHappenedHasAFunnelOfZeros() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    f.referredCustomer("new-1");
    Funnel october = f.program.reports().funnel(OCTOBER);
    Money zero = ProgramFixture.eur("0.00");
    assertThat(october).isEqualTo(new Funnel(OCTOBER, 0, 0, 0, zero, zero, zero, zero));
    assertThat(october.earned().currency()).isEqualTo(EUR);
  }

  // ---------------------------------------------------------------- a month's payouts

  @Test
  void aClosedMonthsPayoutsComeByIdWithTheirStatesInPagesThatContinueExactly() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    f.referredCustomer("new-jan");
    List<String> names = List.of("jan", "bob", "cas", "dirk", "eva");
    for (String name : names.subList(1, names.size())) {
      partnerWithCustomer(f, name);
    }
    for (String name : names) {
      order(f, "new-" + name, "order-" + name);
    }
    f.clock.advance(Duration.ofDays(1));
    for (String name : names) {
      pay(f, "order-" + name);
    }
    f.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    f.program.payouts().close(NOVEMBER, Acts.TEST);
    List<Payout> made = f.payoutsOf(NOVEMBER);
    assertThat(made).hasSize(5);
    PayoutId failed = made.get(1).payoutId();
    PayoutId paid = made.get(3).payoutId();
    f.program.payouts().markFailed(failed, Acts.because("account closed"));
    f.program.payouts().markPaid(paid, f.clock.instant(), Acts.TEST);
    List<Payout> now = f.payoutsOf(NOVEMBER);
    List<Payout> byId =
        now.stream().sorted(Comparator.comparing(p -> p.payoutId().value())).toList();

    for (int size : new int[] {1, 2, 4, 5, 200}) {
      assertThat(payouts(f, MonthPayoutsQuery.of(NOVEMBER).pageSize(size)))
          .as("pages of %d", size)
          .containsExactlyElementsOf(byId);
    }
    assertThat(payouts(f, MonthPayoutsQuery.of(NOVEMBER).status(PayoutStatus.FAILED)))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.payoutId()).isEqualTo(failed);
              assertThat(p.failureReason()).contains("account closed");
            });
    assertThat(payouts(f, MonthPayoutsQuery.of(NOVEMBER).status(PayoutStatus.PAID)))
        .extracting(Payout::payoutId)
        .containsExactly(paid);
    assertThat(payouts(f, MonthPayoutsQuery.of(NOVEMBER).status(PayoutStatus.CREATED).pageSize(1)))
        .containsExactlyElementsOf(
            byId.stream().filter(p -> p.status() == PayoutStatus.CREATED).toList())
        .hasSize(3);
    assertThat(payouts(f, MonthPayoutsQuery.of(NOVEMBER).status(PayoutStatus.EXPORTED))).isEmpty();

    assertThatThrownBy(() -> f.program.reports().payoutsOfMonth(MonthPayoutsQuery.of(DECEMBER)))
        .isInstanceOf(NotFoundException.class);

    // The port itself: after an id, by status, at most the limit.
    assertThat(
            tx(
                () ->
                    storage
                        .reports()
                        .payoutsOfMonth(
                            NOVEMBER, Optional.empty(), Optional.of(byId.get(0).payoutId()), 2)))
        .containsExactlyElementsOf(byId.subList(1, 3));
  }

  @Test
  void aPositionIsAcceptedOnlyByTheListThatReturnedIt() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    f.referredCustomer("new-jan");
    partnerWithCustomer(f, "bob");
    order(f, "new-jan", "order-jan");
    order(f, "new-bob", "order-bob");
    f.clock.advance(Duration.ofDays(1));
    pay(f, "order-jan");
    pay(f, "order-bob");
    f.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    f.program.payouts().close(NOVEMBER, Acts.TEST);

    PagePosition partnerPosition =
        f.program
            .reports()
            .partners(PartnerListQuery.withStatus(PartnerStatus.ACTIVE).pageSize(1))
            .next()
            .orElseThrow();
    PagePosition payoutPosition =
        f.program
            .reports()
            .payoutsOfMonth(MonthPayoutsQuery.of(NOVEMBER).pageSize(1))
            .next()
            .orElseThrow();
    PagePosition ledgerPosition =
        f.program
            .commissions()
            .ledger(LedgerQuery.ofPartner(f.partner.id()).pageSize(1))
            .next()
            .orElseThrow();

    assertThatThrownBy(
            () ->
                f.program
                    .reports()
                    .payoutsOfMonth(MonthPayoutsQuery.of(NOVEMBER).after(partnerPosition)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                f.program
                    .reports()
                    .partners(
                        PartnerListQuery.withStatus(PartnerStatus.ACTIVE).after(payoutPosition)))
        .isInstanceOf(InvalidInputException.class);
    for (PagePosition foreign :
        List.of(ledgerPosition, PagePosition.of("bm9uc2Vuc2U"), PagePosition.of("Ug"))) {
      assertThatThrownBy(
              () ->
                  f.program
                      .reports()
                      .partners(PartnerListQuery.withStatus(PartnerStatus.ACTIVE).after(foreign)))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(
              () ->
                  f.program.reports().payoutsOfMonth(MonthPayoutsQuery.of(NOVEMBER).after(foreign)))
          .isInstanceOf(InvalidInputException.class);
    }
    assertThatThrownBy(
            () ->
                f.program
                    .commissions()
                    .ledger(LedgerQuery.ofPartner(f.partner.id()).after(partnerPosition)))
        .isInstanceOf(InvalidInputException.class);
    // A position survives its token's round trip through a host's page.
    assertThat(
            f.program
                .reports()
                .partners(
                    PartnerListQuery.withStatus(PartnerStatus.ACTIVE)
                        .pageSize(1)
                        .after(PagePosition.of(partnerPosition.token())))
                .items())
        .hasSize(1);
  }
}
