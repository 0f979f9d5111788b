package org.partnerprogram.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.InvalidIbanException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateVersion;
import org.partnerprogram.core.domain.ReferralCode;
import org.quicktheories.core.Gen;

/**
 * The generator facade: each generator makes valid domain values as configured, and a failing
 * property is reported with a small counterexample (QuickTheories is run for real, its
 * AssertionError caught and the reported smallest value inspected).
 */
class GensTest {
  private static final long[] SEEDS = {1, 2, 3};

  /**
   * Shrink attempts per failure. QuickTheories makes a fixed number of attempts (100,000 by
   * default) and each attempt regenerates the value (a month of events takes about a millisecond),
   * so the default costs minutes; a couple of thousand reach small counterexamples here.
   */
  private static final int SHRINK_CYCLES = 2000;

  /**
   * Runs a property that must fail under QuickTheories with a fixed seed and returns the value it
   * reports as the smallest falsifying one.
   */
  private static <T> T smallestCounterexample(long seed, Gen<T> gen, Predicate<T> property) {
    List<T> failing = java.util.Collections.synchronizedList(new ArrayList<>());
    Throwable thrown =
        catchThrowable(
            () ->
                qt().withFixedSeed(seed)
                    .withExamples(200)
                    .withShrinkCycles(SHRINK_CYCLES)
                    .forAll(gen)
                    .check(
                        value -> {
                          boolean holds = property.test(value);
                          if (!holds) {
                            failing.add(value);
                          }
                          return holds;
                        }));
    assertThat(thrown).as("the property must fail").isInstanceOf(AssertionError.class);
    String report = thrown.getMessage();
    String marker = "Smallest found falsifying value(s) :-\n";
    String smallest = report.substring(report.indexOf(marker) + marker.length());
    int end = smallest.indexOf("\nOther found falsifying value(s)");
    smallest =
        end >= 0 ? smallest.substring(0, end) : smallest.substring(0, smallest.indexOf("\n"));
    String reported = smallest;
    T value =
        failing.stream().filter(v -> gen.asString(v).equals(reported)).findFirst().orElse(null);
    assertThat(value).as("reported value is one the property saw:\n%s", report).isNotNull();
    return value;
  }

  // ---------------------------------------------------------------- shrinking

  @Test
  void aFailingOrderShrinksToOneLineAtTheSmallestFailingAmount() {
    for (long seed : SEEDS) {
      Order order =
          smallestCounterexample(
              seed,
              Gens.orders().lines(1, 50),
              o -> o.lines().stream().allMatch(l -> l.net().amount().compareTo(BIG_100) < 0));
      assertThat(order.lines()).as("seed %d: %s", seed, order).hasSize(1);
      // amounts shrink towards the boundary (how close depends on the shrink budget)
      assertThat(order.lines().get(0).net().amount()).isBetween(BIG_100, new BigDecimal("110"));
      assertThat(order.placedAt()).isEqualTo(ProgramFixture.START);
    }
  }

  private static final BigDecimal BIG_100 = new BigDecimal("100");

  @Test
  void failingOrdersShrinkToTheOneOrderThatMatters() {
    for (long seed : SEEDS) {
      List<Order> orders =
          smallestCounterexample(
              seed,
              Gens.orders().lines(1, 4).several(1, 12),
              list -> list.stream().allMatch(o -> o.lines().size() < 3));
      assertThat(orders).as("seed %d: %s", seed, orders).hasSize(1);
      assertThat(orders.get(0).lines()).hasSize(3);
      assertThat(orders.get(0).lines())
          .extracting(OrderLine::net)
          .containsOnly(Money.of("0.00", "EUR"));
    }
  }

  @Test
  void aFailingMonthShrinksToAFewEventsWithoutDuplicatesOrReordering() {
    for (long seed : new long[] {1, 2}) {
      ProgrammeMonth month =
          smallestCounterexample(
              seed,
              Gens.programmeMonths().partners(3).customers(10).duplicates(0.3).reorderings(true),
              m -> m.events().stream().noneMatch(MonthEvent.Refund.class::isInstance));
      // a signup, an order and its refund: nothing else is needed to fail
      assertThat(month.deliveries()).as("seed %d: %s", seed, month).hasSizeLessThanOrEqualTo(4);
      assertThat(month.partners()).isEqualTo(1);
      assertThat(month.redeliveries()).isZero();
      assertThat(month.deliveries()).isEqualTo(month.events());
    }
  }

  @Test
  void aFailingRateTableShrinksToOneVersionOfEachKind() {
    for (long seed : SEEDS) {
      RateTable table =
          smallestCounterexample(
              seed,
              Gens.rateTables().products(5).versions(1, 6).overrides(0, 3),
              t -> t.overrides().isEmpty());
      assertThat(table.programmeWide()).as("seed %d: %s", seed, table).hasSize(1);
      assertThat(table.overrides()).hasSize(1);
    }
  }

  @Test
  void failingMoneyShrinksToTheBoundary() {
    for (long seed : SEEDS) {
      Money money =
          smallestCounterexample(
              seed,
              Gens.money().in("EUR").between("0.01", "999.99"),
              m -> m.amount().compareTo(new BigDecimal("500")) < 0);
      assertThat(money.amount()).isBetween(new BigDecimal("500.00"), new BigDecimal("510"));
    }
  }

  // ---------------------------------------------------------------- what each generator makes

  @Test
  void moneyIsInItsCurrencyAndRange() {
    qt().withExamples(300)
        .forAll(Gens.money().in("JPY").between("-50", "1200"))
        .checkAssert(
            m -> {
              assertThat(m.currency().getCurrencyCode()).isEqualTo("JPY");
              assertThat(m.amount().scale()).isZero();
              assertThat(m.amount()).isBetween(new BigDecimal("-50"), new BigDecimal("1200"));
            });
    assertThatThrownBy(() -> Gens.money().between("2", "1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gens.money().in("JPY").between("0.5", "1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void validIbansParseAndCorruptedOnesAreRefusedInEveryWay() {
    qt().withExamples(300)
        .forAll(Gens.ibans().valid())
        .checkAssert(iban -> assertThat(Iban.parse(iban.value())).isEqualTo(iban));
    qt().withExamples(300)
        .forAll(Gens.ibans().in("NL", "DE").valid())
        .checkAssert(iban -> assertThat(iban.value()).matches("(NL|DE).*"));
    qt().withExamples(300)
        .forAll(Gens.ibans().valid())
        .checkAssert(iban -> assertThat(iban.isSepa()).as(iban.value()).isTrue());
    qt().withExamples(300)
        .forAll(Gens.ibans().anyCountry())
        .checkAssert(iban -> assertThat(Iban.parse(iban.value())).isEqualTo(iban));
    qt().withExamples(300)
        .forAll(Gens.ibans().outsideSepa())
        .checkAssert(
            iban -> {
              assertThat(Iban.parse(iban.value())).isEqualTo(iban);
              assertThat(iban.isSepa()).as(iban.value()).isFalse();
            });
    Set<CorruptedIban.Corruption> seen = EnumSet.noneOf(CorruptedIban.Corruption.class);
    qt().withExamples(500)
        .forAll(Gens.ibans().corrupted())
        .checkAssert(
            bad -> {
              seen.add(bad.how());
              assertThatThrownBy(() -> Iban.parse(bad.text()))
                  .as("%s", bad)
                  .isInstanceOf(InvalidIbanException.class);
            });
    assertThat(seen).containsExactlyInAnyOrder(CorruptedIban.Corruption.values());
  }

  @Test
  void referralCodesAreWellFormed() {
    qt().withExamples(300)
        .forAll(Gens.referralCodes())
        .checkAssert(
            code -> {
              assertThat(code.value()).hasSize(ReferralCode.GENERATED_LENGTH);
              assertThat(code.value().chars()).allMatch(c -> ReferralCode.ALPHABET.indexOf(c) >= 0);
            });
    qt().withExamples(300)
        .forAll(Gens.referralCodes().vanity())
        .checkAssert(code -> assertThat(ReferralCode.vanity(code.value())).isEqualTo(code));
  }

  @Test
  void rateTablesAreNumberedEffectiveDatedAndOverridesWin() {
    qt().withExamples(200)
        .forAll(Gens.rateTables().products(4).versions(1, 4).overrides(0, 2))
        .checkAssert(
            table -> {
              for (List<RateVersion> scope : List.of(table.programmeWide(), table.overrides())) {
                for (int i = 0; i < scope.size(); i++) {
                  assertThat(scope.get(i).number()).isEqualTo(i + 1);
                  if (i > 0) {
                    assertThat(scope.get(i).effectiveFrom())
                        .isAfter(scope.get(i - 1).effectiveFrom());
                  }
                }
              }
              assertThat(table.programmeWide()).hasSizeBetween(1, 4);
              assertThat(table.overrides()).hasSizeBetween(0, 2);
              assertThat(table.programmeWide().get(0).effectiveFrom()).isEqualTo(table.start());
              assertThat(table.overrides())
                  .allMatch(v -> v.partnerId().equals(Optional.of(RateTable.OVERRIDDEN_PARTNER)));
              ProductId first = table.products().get(0);
              for (RateVersion o : table.overrides()) {
                Optional<Rate> own = o.rateFor(first, Optional.empty());
                if (own.isPresent()) {
                  assertThat(
                          table.rateFor(
                              Optional.of(RateTable.OVERRIDDEN_PARTNER), first, o.effectiveFrom()))
                      .isEqualTo(own);
                }
              }
              assertThat(table.rateFor(Optional.empty(), first, table.start()))
                  .isEqualTo(table.programmeWide().get(0).rateFor(first, Optional.empty()));
              assertThat(table.rateFor(Optional.empty(), first, table.start().minusSeconds(1)))
                  .isEmpty();
            });
  }

  @Test
  void ordersOverATableUseItsProductsAndPeriod() {
    Gen<Map.Entry<RateTable, Order>> tableAndOrder =
        Gens.rateTables()
            .products(2)
            .versions(2, 2)
            .flatMap(t -> Gens.orders().over(t).lines(2, 5).by("c-9").map(o -> Map.entry(t, o)));
    qt().withExamples(200)
        .forAll(tableAndOrder)
        .checkAssert(
            pair -> {
              RateTable table = pair.getKey();
              Order order = pair.getValue();
              assertThat(order.lines()).hasSizeBetween(2, 5);
              assertThat(order.customer().value()).isEqualTo("c-9");
              assertThat(order.lines())
                  .extracting(OrderLine::productId)
                  .allMatch(table.products()::contains);
              assertThat(order.placedAt())
                  .isBetween(table.start(), table.lastChange().plus(Duration.ofDays(30)));
            });
  }

  @Test
  void monthsHappenInOrderAndAreDeliveredAsConfigured() {
    qt().withExamples(100)
        .forAll(Gens.programmeMonths().partners(3).customers(6))
        .checkAssert(
            month -> {
              assertThat(month.deliveries()).isEqualTo(month.events());
              for (int i = 1; i < month.events().size(); i++) {
                assertThat(month.events().get(i).at())
                    .isAfterOrEqualTo(month.events().get(i - 1).at());
              }
            });
    qt().withExamples(100)
        .forAll(Gens.programmeMonths().duplicates(1.0))
        .checkAssert(
            month -> {
              long webhooks = month.events().stream().filter(MonthEvent::isWebhook).count();
              assertThat(month.redeliveries()).isEqualTo(webhooks);
              assertThat(Set.copyOf(month.deliveries())).isEqualTo(Set.copyOf(month.events()));
            });
  }

  /**
   * The exactly-once guarantee as a test author writes it with the facade: a month delivered late,
   * twice and out of order ends where the same month delivered once in order ends.
   */
  @Test
  void aMonthDeliveredLateTwiceAndOutOfOrderEndsAsDeliveredInOrder() {
    qt().withExamples(60)
        .forAll(Gens.programmeMonths().partners(2).customers(4).duplicates(0.3).reorderings(true))
        .checkAssert(
            month -> {
              ProgrammeMonth.Played inOrder = month.playInOrderOn(new InMemoryStorage());
              ProgrammeMonth.Played delivered = month.playOn(new InMemoryStorage());
              List<Balance> expected = balances(inOrder);
              List<Balance> actual = balances(delivered);
              for (int p = 0; p < expected.size(); p++) {
                // a refund that overtakes its payment cancels pending commission instead of
                // reversing earned commission: what is owed is the same, how it got there not
                Balance e = expected.get(p);
                Balance a = actual.get(p);
                assertThat(a.pending()).isEqualTo(e.pending());
                assertThat(a.payable()).isEqualTo(e.payable());
                assertThat(a.earned().minus(a.reversed()))
                    .isEqualTo(e.earned().minus(e.reversed()));
              }
            });
  }

  private static List<Balance> balances(ProgrammeMonth.Played played) {
    List<Balance> result = new ArrayList<>();
    for (PartnerId id : played.partnerIds()) {
      result.add(played.program().partners().overview(id).orElseThrow().balance());
    }
    return result;
  }
}
