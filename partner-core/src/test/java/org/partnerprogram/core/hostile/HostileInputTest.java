package org.partnerprogram.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.testkit.hostile.HostileCorpus;
import org.partnerprogram.testkit.hostile.HostileWorld;

/**
 * The hostile corpus on in-memory storage: every case ends in a typed refusal (or an empty answer
 * to a query about something unknown) and leaves what the programme reports unchanged.
 */
class HostileInputTest {
  private static final InMemoryStorage STORAGE = new InMemoryStorage();
  private static final HostileWorld WORLD = HostileWorld.on(STORAGE);

  /** What the programme reports: overviews, statements, processed events, published events. */
  static String snapshot(HostileWorld w) {
    StringBuilder b = new StringBuilder();
    for (PartnerId id : List.of(w.partnerA, w.partnerB)) {
      b.append(w.program.partners().overview(id))
          .append('\n')
          .append(w.program.payouts().statement(StatementQuery.of(id, HostileWorld.CLOSED)))
          .append('\n');
    }
    b.append(
        w.program
            .commissions()
            .processed(
                List.of("order-o-h1", "order-o-h2", "order-o-h3", "pay-o-h1", "refund-o-h1")));
    return b.toString();
  }

  @TestFactory
  Stream<DynamicTest> everyHostileInputIsRefusedWithATypedErrorAndChangesNothing() {
    return HostileCorpus.cases(WORLD).stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.toString(),
                    () -> {
                      String before = snapshot(WORLD);
                      int events = STORAGE.publishedEvents().size();
                      Optional<String> problem = HostileCorpus.problem(c);
                      assertThat(problem).as(c.toString()).isEmpty();
                      assertThat(STORAGE.publishedEvents()).as(c.toString()).hasSize(events);
                      assertThat(snapshot(WORLD)).as(c.toString()).isEqualTo(before);
                    }));
  }

  @Test
  void theCorpusHasAtLeast200InputsAndCoversEveryUseCase() {
    Map<String, Long> perUseCase =
        HostileCorpus.cases(WORLD).stream()
            .collect(
                Collectors.groupingBy(
                    HostileCorpus.Case::useCase, TreeMap::new, Collectors.counting()));
    assertThat(perUseCase.values().stream().mapToLong(Long::longValue).sum())
        .isGreaterThanOrEqualTo(200);
    assertThat(perUseCase)
        .containsKeys(
            "enroll",
            "updatePayoutAccount",
            "suspend",
            "reinstate",
            "leave",
            "issueVanityCode",
            "revoke",
            "addRateVersion",
            "recordTouch",
            "attributeSignup",
            "recordOrder",
            "recordPayment",
            "recordRefund",
            "closePeriod",
            "export",
            "markPaid",
            "markFailed",
            "statement",
            "overview",
            "processedEvents");
  }

  @Test
  void theCheckCatchesAnAcceptedInputAndAnUntypedError() {
    assertThat(
            HostileCorpus.problem(
                new HostileCorpus.Case("x", "accepted", HostileCorpus.Expect.REFUSED, () -> "ok")))
        .hasValueSatisfying(p -> assertThat(p).contains("accepted"));
    assertThat(
            HostileCorpus.problem(
                new HostileCorpus.Case(
                    "x",
                    "npe",
                    HostileCorpus.Expect.REFUSED,
                    () -> {
                      throw new NullPointerException("boom");
                    })))
        .hasValueSatisfying(p -> assertThat(p).contains("untyped"));
  }
}
