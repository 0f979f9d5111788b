package org.partnerprogram.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.AttributionExplanation;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.CustomerIsPartnerException;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Reattribution;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.OrderResult;
import org.partnerprogram.core.port.in.ReattributeCommand;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * The contract of support's re-attribution ({@code program.referrals().reattribute}) and the store
 * methods behind it ({@code AttributionStore.insertReattribution}, {@code reattributionsOf}, and
 * {@code replaceCustomer} over them), which every {@link ProgramStorage} must pass: orders placed
 * after the move earn for the new partner (or nobody), commission recorded before stays; the
 * history is kept and explained; refusals and redeliveries change nothing.
 *
 * @param <S> the storage type under test
 */
public abstract class ReattributionContractTest<S extends ProgramStorage>
    extends StorageContractSupport<S> {

  private static final Act SUPPORT = Act.by("support@host.example", "ticket 4711: wrong partner");

  private record World(ProgramFixture f, PartnerId jan, PartnerId piet, CustomerAccountId c1) {}

  private World world() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    Partner piet = f.program.partners().enroll(EnrollPartnerCommand.of("cust-piet")).partner();
    CustomerAccountId c1 = f.referredCustomer("c-1");
    f.clock.advance(Duration.ofHours(1));
    return new World(f, f.partner.id(), piet.id(), c1);
  }

  private static OrderResult order(World w, String orderId, Instant placedAt) {
    return w.f()
        .program
        .commissions()
        .recordOrder(
            new org.partnerprogram.core.port.in.RecordOrderCommand(
                EventId.of("ev-" + orderId),
                new org.partnerprogram.core.domain.Order(
                    org.partnerprogram.core.domain.OrderId.of(orderId),
                    w.c1(),
                    placedAt,
                    List.of(ProgramFixture.line(1, "shared-hosting", "100.00")))));
  }

  @Test
  void ordersPlacedFromTheMoveOnEarnForTheNewPartnerAndEarlierOnesStay() {
    World w = world();
    Instant before = w.f().clock.instant();
    assertThat(order(w, "o-1", before).earningPartner()).contains(w.jan());
    w.f().clock.advance(Duration.ofHours(1));
    Instant from = w.f().clock.instant();
    w.f().clock.advance(Duration.ofHours(1));

    Reattribution moved =
        w.f()
            .program
            .referrals()
            .reattribute(ReattributeCommand.to("re-1", "c-1", w.piet(), from, SUPPORT));

    assertThat(moved.fromPartner()).contains(w.jan());
    assertThat(moved.toPartner()).contains(w.piet());
    assertThat(moved.effectiveFrom()).isEqualTo(from);
    assertThat(moved.decidedAt()).isEqualTo(w.f().clock.instant());
    // an order placed before the move, delivered late, still earns for the partner of its time
    assertThat(order(w, "o-2", from.minusSeconds(1)).earningPartner()).contains(w.jan());
    assertThat(order(w, "o-3", from).earningPartner()).contains(w.piet());
    assertThat(order(w, "o-4", w.f().clock.instant()).earningPartner()).contains(w.piet());
    assertThat(
            tx(
                () ->
                    storage
                        .ledger()
                        .linesOfOrder(org.partnerprogram.core.domain.OrderId.of("o-1"))))
        .singleElement()
        .satisfies(l -> assertThat(l.partnerId()).isEqualTo(w.jan()));

    AttributionExplanation why = w.f().program.referrals().explain(w.c1()).orElseThrow();
    assertThat(why.reattributions()).containsExactly(moved);
    assertThat(why.partnerAt(from.minusSeconds(1))).contains(w.jan());
    assertThat(why.partnerAt(from)).contains(w.piet());
    assertThat(
            w.f()
                .program
                .audit()
                .records(org.partnerprogram.core.port.in.AuditQuery.ofPartner(w.piet()))
                .items())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action())
                  .isEqualTo(org.partnerprogram.core.domain.AuditAction.CUSTOMER_REATTRIBUTED);
              assertThat(r.subject()).isEqualTo("re-1");
              assertThat(r.actor()).isEqualTo("support@host.example");
            });
  }

  @Test
  void aMoveToNobodyStopsLaterOrdersFromEarningAndAnotherMoveCanFollow() {
    World w = world();
    Instant first = w.f().clock.instant();
    w.f()
        .program
        .referrals()
        .reattribute(ReattributeCommand.toNobody("re-1", "c-1", first, SUPPORT));
    OrderResult nobody = order(w, "o-1", first);
    assertThat(nobody.earningPartner()).isEmpty();
    assertThat(nobody).isInstanceOf(OrderResult.NotAttributed.class);

    w.f().clock.advance(Duration.ofDays(1));
    Instant second = w.f().clock.instant();
    Reattribution back =
        w.f()
            .program
            .referrals()
            .reattribute(ReattributeCommand.to("re-2", "c-1", w.jan(), second, SUPPORT));
    assertThat(back.fromPartner()).isEmpty();
    assertThat(order(w, "o-2", second).earningPartner()).contains(w.jan());
    assertThat(w.f().program.referrals().explain(w.c1()).orElseThrow().reattributions())
        .extracting(Reattribution::reattributionId)
        .containsExactly(EventId.of("re-1"), EventId.of("re-2"));
  }

  @Test
  void refusalsAreTypedAndChangeNothing() {
    World w = world();
    Instant now = w.f().clock.instant();
    Partner left = w.f().program.partners().enroll(EnrollPartnerCommand.of("cust-left")).partner();
    w.f().program.partners().leave(left.id());
    Partner c1AsPartner = w.f().program.partners().enroll(EnrollPartnerCommand.of("c-1")).partner();
    w.f()
        .program
        .referrals()
        .reattribute(ReattributeCommand.to("re-0", "c-1", w.piet(), now, SUPPORT));
    int eventsBefore =
        w.f().program.referrals().explain(w.c1()).orElseThrow().reattributions().size();

    refused(
        () -> ReattributeCommand.to("re-1", "c-unknown", w.piet(), now, SUPPORT),
        w,
        NotFoundException.class,
        true);
    refused(
        () -> ReattributeCommand.to("re-1", "c-1", PartnerId.of("p-nobody"), now, SUPPORT),
        w,
        NotFoundException.class,
        true);
    refused(
        () -> ReattributeCommand.to("re-1", "c-1", left.id(), now, SUPPORT),
        w,
        IllegalTransitionException.class,
        true);
    refused(
        () -> ReattributeCommand.to("re-1", "c-1", c1AsPartner.id(), now, SUPPORT),
        w,
        CustomerIsPartnerException.class,
        true);
    refused(
        () -> ReattributeCommand.to("re-1", "c-1", w.jan(), now.plusSeconds(3_600), SUPPORT),
        w,
        InvalidInputException.class,
        true);
    refused(
        () -> ReattributeCommand.to("re-1", "c-1", w.jan(), now.minus(Duration.ofDays(1)), SUPPORT),
        w,
        InvalidInputException.class,
        true);
    refused(
        () -> ReattributeCommand.to("re-1", "c-1", w.jan(), now.minusSeconds(1), SUPPORT),
        w,
        InvalidInputException.class,
        true);
    refused(
        () -> ReattributeCommand.to("re-1", "c-1", w.jan(), now, Act.by("support", "x\u0007")),
        w,
        InvalidInputException.class,
        false);
    assertThatThrownBy(() -> w.f().program.referrals().reattribute(null))
        .isInstanceOf(InvalidInputException.class);
    assertThat(w.f().program.referrals().explain(w.c1()).orElseThrow().reattributions())
        .hasSize(eventsBefore);
  }

  @Test
  void aRedeliveryReturnsTheFirstMoveAndAnotherPayloadIsRefused() {
    World w = world();
    Instant now = w.f().clock.instant();
    ReattributeCommand command = ReattributeCommand.to("re-1", "c-1", w.piet(), now, SUPPORT);
    Reattribution first = w.f().program.referrals().reattribute(command);
    w.f().clock.advance(Duration.ofMinutes(5));

    assertThat(w.f().program.referrals().reattribute(command)).isEqualTo(first);
    assertThatThrownBy(
            () ->
                w.f()
                    .program
                    .referrals()
                    .reattribute(ReattributeCommand.to("re-1", "c-1", w.jan(), now, SUPPORT)))
        .isInstanceOf(IdempotencyConflictException.class);
    assertThat(w.f().program.referrals().explain(w.c1()).orElseThrow().reattributions())
        .containsExactly(first);
  }

  @Test
  void theStoreKeepsReattributionsPerCustomerInOrderAndMovesThemWithTheCustomer() {
    World w = world();
    Instant at = w.f().clock.instant();
    Reattribution later =
        new Reattribution(
            EventId.of("store-re-2"),
            w.c1(),
            Optional.of(w.piet()),
            Optional.empty(),
            at.plusSeconds(60),
            Act.by("carol", "zurück zu niemandem – Ticket 7"),
            at);
    Reattribution earlier =
        new Reattribution(
            EventId.of("store-re-1"),
            w.c1(),
            Optional.of(w.jan()),
            Optional.of(w.piet()),
            at,
            SUPPORT,
            at);
    tx(
        () -> {
          storage.attributions().insertReattribution(later);
          storage.attributions().insertReattribution(earlier);
          return null;
        });

    assertThat(tx(() -> storage.attributions().reattributionsOf(w.c1())))
        .containsExactly(earlier, later);
    assertThat(tx(() -> storage.attributions().reattributionsOf(CustomerAccountId.of("c-9"))))
        .isEmpty();
    assertThatThrownBy(
            () ->
                tx(
                    () -> {
                      storage.attributions().insertReattribution(earlier);
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);

    CustomerAccountId pseudonym = CustomerAccountId.of("ps:erased-c-1");
    assertThat(tx(() -> storage.attributions().replaceCustomer(w.c1(), pseudonym))).isEqualTo(1);
    assertThat(tx(() -> storage.attributions().reattributionsOf(w.c1()))).isEmpty();
    assertThat(tx(() -> storage.attributions().reattributionsOf(pseudonym)))
        .containsExactly(earlier.withCustomer(pseudonym), later.withCustomer(pseudonym));
  }

  private void refused(
      java.util.function.Supplier<ReattributeCommand> command,
      World w,
      Class<? extends Throwable> type,
      boolean commandIsValid) {
    List<Reattribution> before = tx(() -> storage.attributions().reattributionsOf(w.c1()));
    assertThatThrownBy(() -> w.f().program.referrals().reattribute(command.get()))
        .isInstanceOf(type);
    assertThat(tx(() -> storage.attributions().reattributionsOf(w.c1()))).isEqualTo(before);
    if (commandIsValid) {
      // nothing was claimed: the same id can be used for a good move
      assertThat(tx(() -> storage.processedEvents().find(EventId.of("re-1")))).isEmpty();
    }
  }
}
