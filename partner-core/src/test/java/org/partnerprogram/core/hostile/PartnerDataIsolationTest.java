package org.partnerprogram.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.testkit.hostile.HostileWorld;

/**
 * A partner's overview and statements never include another partner's data, nor a referred
 * customer's account id (or anything else identifying the customer): checked on every rendering
 * ({@code toString()}, and the statement's {@code toText()} and {@code toJson()}).
 */
class PartnerDataIsolationTest {
  private final HostileWorld w = HostileWorld.on(new InMemoryStorage());

  /** What identifies partner A or its business. */
  private List<String> dataOfA() {
    return List.of(
        w.partnerA.value(),
        "cust-partner\"",
        "cust-partner,",
        "cust-partner]",
        "JAN-HOSTING",
        "Jan de Vries",
        "NL91ABNA0417164300",
        "0417164300",
        "o-h1",
        "o-h3",
        w.paidPayout().payoutId().value());
  }

  /** What identifies partner B or its business. */
  private List<String> dataOfB() {
    List<String> data =
        new java.util.ArrayList<>(
            List.of(
                w.partnerB.value(),
                "cust-partner-bea",
                "BEA-VPS",
                w.randomCodeB.value(),
                "Bea M",
                "DE89370400440532013000",
                "0532013000",
                "o-h2"));
    w.openPayout().ifPresent(p -> data.add(p.payoutId().value()));
    return data;
  }

  /** Referred customers: never shown to any partner. */
  private List<String> customers() {
    return List.of(w.customerA.value(), w.customerB.value());
  }

  private List<String> renderings(PartnerId partner) {
    PartnerOverview overview = w.program.partners().overview(partner).orElseThrow();
    PartnerStatement statement =
        w.program.payouts().statement(StatementQuery.of(partner, HostileWorld.CLOSED));
    return List.of(
        overview.toString(), statement.toString(), statement.toText(), statement.toJson());
  }

  @Test
  void partnerASeesNothingOfPartnerBNorAnyCustomer() {
    List<String> shown = renderings(w.partnerA);
    // The renderings are about A: the check below is not vacuous.
    assertThat(shown.get(0)).contains(w.partnerA.value()).contains("JAN-HOSTING");
    assertThat(shown.get(2)).contains("o-h1");
    for (String text : shown) {
      for (String secret : dataOfB()) {
        assertThat(text).as("partner A's view").doesNotContain(secret);
      }
      for (String customer : customers()) {
        assertThat(text).as("partner A's view").doesNotContain(customer);
      }
    }
  }

  @Test
  void partnerBSeesNothingOfPartnerANorAnyCustomer() {
    List<String> shown = renderings(w.partnerB);
    assertThat(shown.get(0)).contains(w.partnerB.value()).contains("BEA-VPS");
    assertThat(shown.get(2)).contains("o-h2");
    for (String text : shown) {
      for (String secret : dataOfA()) {
        assertThat(text).as("partner B's view").doesNotContain(secret);
      }
      for (String customer : customers()) {
        assertThat(text).as("partner B's view").doesNotContain(customer);
      }
    }
  }

  @Test
  void theOverviewShowsOnlyAMaskedIban() {
    for (PartnerId partner : List.of(w.partnerA, w.partnerB)) {
      String overview = w.program.partners().overview(partner).orElseThrow().toString();
      assertThat(overview)
          .doesNotContain("NL91ABNA0417164300")
          .doesNotContain("DE89370400440532013000");
    }
  }
}
